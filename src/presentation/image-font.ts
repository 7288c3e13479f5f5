// The font of every drawn image (radar PNG, matrix, vote bars, restitution images): fonts every system has, or falls
// back on, so an image looks the same on any machine. Its own module, so that a chart that only needs the font does
// not load the radar's code and words.
export const IMAGE_FONT = '"DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif'
