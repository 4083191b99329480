/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "helder-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(HelderApplication) app = NULL;

  /* Before the application object exists: its option help is translated
   * when it is created.
   */
  setlocale (LC_ALL, "");
  /* HELDER_LOCALEDIR lets an uninstalled build (build-aux/dev run) use
   * the translations it just compiled.
   */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("HELDER_LOCALEDIR") != NULL
                                     ? g_getenv ("HELDER_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = helder_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
