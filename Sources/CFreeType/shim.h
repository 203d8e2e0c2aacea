// FreeType alone (already loaded for Pango and Cairo): it loads the glyphs of the font programs
// a PDF embeds, to find any that draw nothing (HandbillFinish/EmbeddedGlyphs.swift).
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_CID_H
