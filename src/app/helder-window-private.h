/* helder-window-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-findings-pane.h"
#include "helder-page-editor.h"
#include "helder-preview.h"
#include "helder-preview-text.h"
#include "helder-review-pane.h"
#include "helder-window.h"

G_BEGIN_DECLS

/* What the last change to the outline was, so its toast can undo it. */
typedef struct _HelderOutlineUndo HelderOutlineUndo;

void _helder_outline_undo_free (HelderOutlineUndo *undo);

struct _HelderWindow
{
  AdwApplicationWindow  parent_instance;

  HelderCourse         *course;
  HelderPage           *page;
  GCancellable         *load_cancellable;
  GSettings            *settings;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  AdwWindowTitle       *course_title;
  AdwWindowTitle       *page_title;
  GtkListBox           *outline;
  GtkStack             *content_stack;
  AdwStatusPage        *empty_page;
  AdwLeaflet           *page_leaflet;
  HelderPageEditor     *editor;
  HelderFindingsPane   *findings;
  GtkWidget            *side_pane;
  GtkWidget            *pane_handle;
  int                   side_pane_width;
  GtkLabel             *preview_scale_label;
  AdwViewStack         *side_stack;
  HelderPreview        *preview;
  HelderPreviewText    *preview_text;
  char                 *preview_device;
  GtkRevealer          *changed_banner;
  GtkLabel             *changed_label;
  GtkRevealer          *save_banner;     /* read-only folder, failed save */
  GtkLabel             *save_label;

  GPtrArray            *monitors;        /* of GFileMonitor, one per page file */
  GPtrArray            *course_diagnostics; /* the last whole-course check */
  GCancellable         *course_check_cancellable; /* while a course check runs */
  guint                 course_check_source;
  guint                 findings_source;
  HelderOutlineUndo    *outline_undo;
  guint                 fold_source;
  GtkWidget            *back_button;
  GtkWidget            *add_button;
  GtkWidget            *insert_button;
  GtkWidget            *findings_button;
  GtkListBox           *recent_list;
  HelderReviewPane     *review_pane;
  HelderReview         *review;
  gboolean              review_mode;
  HelderPage           *changed_page;    /* changed on disk while it had edits */
  guint                 recovery_source;
  guint                 logout_cookie;   /* while changes are unsaved */
  guint                 follow_source;   /* the preview follows the cursor after this */
};

void          _helder_window_fill_outline   (HelderWindow *self,
                                             HelderPage   *select);
void          _helder_window_show_page      (HelderWindow *self,
                                             HelderPage   *page);
void          _helder_window_update_title   (HelderWindow *self);
void          _helder_window_track_page     (HelderWindow *self,
                                             HelderPage   *page);
void          _helder_window_check_course   (HelderWindow *self);
typedef void (*HelderFolderChosenFunc) (HelderWindow *self,
                                        GFile        *folder);
void          _helder_window_choose_folder  (HelderWindow           *self,
                                             const char             *title,
                                             const char             *accept_label,
                                             const char             *current_name,
                                             HelderFolderChosenFunc  chosen);
void          _helder_window_outline_class_init (GtkWidgetClass *widget_class);
void          _helder_window_import_class_init (GtkWidgetClass *widget_class);
void          _helder_window_outline_init   (HelderWindow *self);
void          _helder_window_pane_class_init (GtkWidgetClass *widget_class);
void          _helder_window_pane_init      (HelderWindow *self);
void          _helder_window_a11y_class_init (GtkWidgetClass *widget_class);
void          _helder_window_name_page_row  (HelderWindow *self,
                                             GtkWidget    *row);
void          _helder_window_follow_page_row (HelderWindow *self,
                                              GtkWidget    *row);

G_END_DECLS
