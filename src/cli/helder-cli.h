/* helder-cli.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-course.h"
#include "helder-readability.h"

G_BEGIN_DECLS

/* Exit statuses shared by every subcommand. */
enum {
  HELDER_EXIT_OK = 0,
  HELDER_EXIT_FINDINGS = 1, /* the course has errors */
  HELDER_EXIT_UNUSABLE = 2, /* no such folder, not a course, bad arguments */
};

int           helder_cli_validate      (int          argc,
                                        char       **argv);
int           helder_cli_check         (int          argc,
                                        char       **argv);
int           helder_cli_info          (int          argc,
                                        char       **argv);
int           helder_cli_contrast      (int          argc,
                                        char       **argv);
int           helder_cli_export        (int          argc,
                                        char       **argv);
int           helder_cli_import        (int          argc,
                                        char       **argv);
int           helder_cli_kpi           (int          argc,
                                        char       **argv);
int           helder_cli_readability   (int          argc,
                                        char       **argv);
int           helder_cli_review        (int          argc,
                                        char       **argv);
int           helder_cli_review_report (int          argc,
                                        char       **argv);

gboolean      helder_cli_parse_options (const char          *parameter,
                                        const GOptionEntry  *entries,
                                        const char          *description,
                                        int                 *argc,
                                        char              ***argv);
HelderCourse *helder_cli_load_course     (int                argc,
                                        char             **argv,
                                        gboolean           may_write);
void          helder_cli_print_json    (JsonNode        *node);
JsonNode     *helder_cli_diagnostics_to_json (GPtrArray *diagnostics);
void          helder_cli_print_diagnostics   (GPtrArray *diagnostics,
                                              gboolean   json);

void          helder_cli_print_readability    (const char              *title,
                                               const HelderReadability *scores);
void          helder_cli_add_readability_json (JsonBuilder             *builder,
                                               const HelderReadability *scores);

G_END_DECLS
