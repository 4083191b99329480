/* helder-dictionaries.h
 *
 * Finds the system's hunspell and hyphen dictionaries and loads the built-in
 * Dutch word lists.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Finds a system dictionary file (hunspell, hyphen) such as
 * "hunspell/nl.dic" in the XDG system data folders (/usr/share, and
 * /app/share inside Flatpak). Returns NULL when it is not installed.
 */
/* helder_dictionaries_find: (transfer full): the caller frees the text with g_free() */
char   *helder_dictionaries_find      (const char *folder,
                                       const char *name);

/* The lines of one of Helder's own language lists (data/lang/nl), which
 * are compiled into the core library as a resource.
 */
GBytes *helder_dictionaries_load_list (const char *name);

G_END_DECLS
