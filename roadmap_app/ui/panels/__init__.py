"""The docked panels beside the canvas: inspector, resources, next steps, plan controls, filter, search."""
