// GLib alone: its GMarkup parser reads XMP packets (HandbillFinish/XMPFacts.swift).
#include <glib.h>
