/* helder-test-utils.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <zip.h>

#include "helder-course.h"

G_BEGIN_DECLS

char *helder_test_copy_course  (const char *name);
char *helder_test_make_temp_dir (void);
void  helder_test_copy_tree    (const char *from,
                                const char *to);
char *helder_test_data_path    (const char *name);
HelderCourse *helder_test_load_course (const char *name);
void  helder_test_write_file   (const char *folder,
                                const char *file,
                                const char *contents);
void  helder_test_remove_tree  (const char *path);
void  helder_test_run_for      (guint       milliseconds);
void  helder_test_generate_lms (const char *folder,
                                const char *first_option,
                                ...) G_GNUC_NULL_TERMINATED;
gboolean helder_test_files_equal (const char *a,
                                  const char *b);
guint helder_test_count_files   (const char *folder);
gboolean helder_test_check_passes (const char *course);
char *helder_test_read_zip_entry (zip_t      *archive,
                                  const char *name);

G_END_DECLS
