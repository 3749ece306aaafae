"""The social card's size in pixels: what Open Graph and X cards show at 1.91:1.

Kept apart from draw.py so that reading the card cache (every warm build) does not import
Pillow's drawing and text modules, which only drawing a new card needs."""

WIDTH, HEIGHT = 1200, 630
