/* helder-data-paths.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Finds shared data files such as dictionaries ("hunspell/nl_NL.dic") and
 * hyphenation patterns ("hyphen/hyph_nl_NL.dic"). See docs/packaging.md.
 */
char *helder_find_data_file    (const char         *relative_path);
char *helder_find_data_file_in (const char * const *data_dirs,
                                const char         *relative_path);

G_END_DECLS
