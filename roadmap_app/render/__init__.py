"""Drawing a roadmap to PNG, SVG and PDF from the canvas scene, offscreen."""
