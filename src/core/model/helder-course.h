/* helder-course.h
 *
 * HelderCourse: a course folder (course.json, its modules and pages,
 * words.txt, ignored.json) loaded, validated, edited and saved. Main thread
 * only (see below).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "helder-ignore-list.h"
#include "helder-module.h"

G_BEGIN_DECLS

/* A course folder as an object: the course's settings, its modules and
 * their pages, the team's word list and ignored findings.
 *
 * Threading rule: a HelderCourse, and everything it owns (modules, pages,
 * JSON documents), is used only on the thread that made it: the main
 * thread for the course that is open. Work in another thread (checks,
 * exports, reports) uses a copy of its own: take a snapshot on the main
 * thread with helder_course_dup_snapshot() and read it into a private
 * course in the thread with helder_course_snapshot_read(). None of them
 * locks. The entry points a thread could reach the course through (its
 * modules, a module's pages, a page's text and content, saving,
 * validating) say so with a critical warning when called from another
 * thread (helder-thread-owner.h). Functions that are safe in any thread
 * say so.
 */

#define HELDER_COURSE_ERROR (helder_course_error_quark ())

typedef enum
{
  HELDER_COURSE_ERROR_NOT_FOUND,    /* no such folder */
  HELDER_COURSE_ERROR_NOT_A_COURSE, /* a folder without course.json */
} HelderCourseError;

/* The newest course format this Helder reads and writes. */
#define HELDER_COURSE_FORMAT 1

/* The largest headcount course.json's "kpi" may give. */
#define HELDER_COURSE_MAX_HEADCOUNT 10000000

/* A learning goal of the course (course.json "goals"): graded questions
 * name it by its id, the KPI report shows its text.
 */
typedef struct
{
  char *id;
  char *text;
} HelderGoal;

#define HELDER_TYPE_COURSE (helder_course_get_type ())

G_DECLARE_FINAL_TYPE (HelderCourse, helder_course, HELDER, COURSE, GObject)

GQuark        helder_course_error_quark      (void);
gboolean      helder_course_is_language_tag  (const char           *text);
const char   *helder_course_get_default_theme_colour (const char   *member);
HelderCourse *helder_course_load             (const char           *path,
                                              GError              **error);
HelderCourse *helder_course_read             (const char           *path,
                                              GHashTable           *texts,
                                              GError              **error);
void          helder_course_load_async       (const char           *path,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
HelderCourse *helder_course_load_finish      (GAsyncResult         *result,
                                              GError              **error);
gboolean      helder_course_save             (HelderCourse         *self,
                                              GError              **error);
gboolean      helder_course_save_copy        (HelderCourse         *self,
                                              const char           *folder,
                                              GError              **error);
gboolean      helder_course_folder_is_writable (const char         *path);
GHashTable   *helder_course_dup_edited_texts (HelderCourse        *self);
const char   *helder_course_get_path         (HelderCourse         *self);
const char   *helder_course_get_id           (HelderCourse         *self);
const char   *helder_course_get_title        (HelderCourse         *self);
const char   *helder_course_get_description  (HelderCourse         *self);
const char   *helder_course_get_language     (HelderCourse         *self);
GListModel   *helder_course_get_modules      (HelderCourse         *self);
guint         helder_course_get_n_modules    (HelderCourse         *self);
/* The pages of a course, module by module; see helder_course_iter_pages(). */
typedef struct
{
  HelderCourse *course;
  guint         module_index;
  guint         page_index;
  HelderModule *module;
  HelderPage   *page;
} HelderPageIter;

HelderPageIter helder_course_iter_pages      (HelderCourse         *self);
gboolean      helder_page_iter_next          (HelderPageIter       *iter);
/* A module the course names that could not be read: its folder or its
 * module.json is missing, or module.json does not parse. It sits among
 * the modules at @position (the number of modules read before it).
 */
typedef enum
{
  HELDER_BROKEN_MODULE_NO_FOLDER,
  HELDER_BROKEN_MODULE_NO_FILE,
  HELDER_BROKEN_MODULE_UNREADABLE,
} HelderBrokenModuleKind;

typedef struct
{
  char                   *id;
  guint                   position;
  HelderBrokenModuleKind  kind;
} HelderBrokenModule;

GPtrArray    *helder_course_get_broken_modules (HelderCourse        *self);
gboolean      helder_course_recreate_module   (HelderCourse         *self,
                                               const char           *id,
                                               GError              **error);
void          helder_course_forget_module     (HelderCourse         *self,
                                               const char           *id);
HelderModule *helder_course_get_module       (HelderCourse         *self,
                                              guint                 position);
HelderModule *helder_course_find_module      (HelderCourse         *self,
                                              const char           *id);
HelderModule *helder_course_find_module_of_page (HelderCourse      *self,
                                                 HelderPage        *page);
HelderModule *helder_course_dup_lesson       (HelderCourse         *self,
                                              const char           *title,
                                              const char * const   *pages,
                                              GError              **error);
HelderPage   *helder_course_find_page        (HelderCourse         *self,
                                              const char           *file);
GPtrArray    *helder_course_validate         (HelderCourse         *self);
void          helder_course_validate_page    (HelderCourse         *self,
                                              HelderPage           *page,
                                              GPtrArray            *diagnostics);
const char * const *helder_course_get_words  (HelderCourse         *self);
gboolean      helder_course_add_word         (HelderCourse         *self,
                                              const char           *word,
                                              GError              **error);
gboolean      helder_course_remove_word      (HelderCourse         *self,
                                              const char           *word,
                                              GError              **error);
HelderIgnoreList *helder_course_get_ignore_list (HelderCourse      *self);
guint         helder_course_get_n_goals      (HelderCourse         *self);
const HelderGoal *helder_course_get_goal     (HelderCourse         *self,
                                              guint                 position);
const HelderGoal *helder_course_find_goal    (HelderCourse         *self,
                                              const char           *reference,
                                              guint                *position);
HelderModule *helder_course_add_module       (HelderCourse         *self,
                                              const char           *id,
                                              const char           *title,
                                              guint                 position,
                                              GError              **error);
void          helder_course_insert_module    (HelderCourse         *self,
                                              HelderModule         *module,
                                              guint                 position);
void          helder_course_remove_module    (HelderCourse         *self,
                                              HelderModule         *module);
void          helder_course_move_module      (HelderCourse         *self,
                                              HelderModule         *module,
                                              guint                 position);
void          helder_course_set_title        (HelderCourse         *self,
                                              const char           *title);
HelderCourse *helder_course_create           (const char           *path,
                                              const char           *title,
                                              GError              **error);
char         *helder_course_import_media     (HelderCourse         *self,
                                              GFile                *source,
                                              GError              **error);
gboolean      helder_course_get_modified     (HelderCourse         *self);
HelderJsonDocument *helder_course_get_document (HelderCourse       *self);

/* What a private copy of an open course needs: its folder and the texts
 * being edited; safe to hand to another thread.
 */
typedef struct _HelderCourseSnapshot HelderCourseSnapshot;

HelderCourseSnapshot *helder_course_dup_snapshot   (HelderCourse               *self);
void          helder_course_snapshot_set_text (HelderCourseSnapshot       *snapshot,
                                               const char                 *file,
                                               const char                 *text);
const char   *helder_course_snapshot_get_path (const HelderCourseSnapshot *snapshot);
HelderCourse *helder_course_snapshot_read     (const HelderCourseSnapshot *snapshot,
                                               GError                    **error);
HelderCourse *helder_course_snapshot_read_in_task (const HelderCourseSnapshot *snapshot,
                                                  GTask                      *task);
void          helder_course_snapshot_free     (HelderCourseSnapshot       *snapshot);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderCourseSnapshot, helder_course_snapshot_free)

G_END_DECLS
