/* helder-preview-engine.h
 *
 * What the preview needs from a web engine, as a table of functions.
 * The WebKit side lives in a loadable module (helder-preview-webkit)
 * that the app opens when the preview is first shown: linking WebKit
 * into the app would map and relocate WebKit, JavaScriptCore and their
 * libraries at every start, whether the preview is used or not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Bumped whenever the table below changes, so that an app never calls
 * into a module built for another table.
 */
#define HELDER_PREVIEW_ENGINE_VERSION 3

/* The symbol the module exports: a function returning the table. */
#define HELDER_PREVIEW_ENGINE_SYMBOL "helder_preview_engine_get"

/* One request for a URI of the app's scheme; finish it with
 * finish_request() or fail_request(), now or later.
 */
typedef struct _HelderPreviewRequest HelderPreviewRequest;

typedef void (*HelderPreviewServeFunc)     (HelderPreviewRequest *request,
                                            GtkWidget            *view,
                                            const char           *path,
                                            gpointer              user_data);
typedef void (*HelderPreviewLoadedFunc)    (GtkWidget            *view,
                                            gpointer              user_data);
/* @value is the script's number, or 0 when it returned none. */
typedef void (*HelderPreviewNumberFunc)    (GtkWidget            *view,
                                            double                value,
                                            gpointer              user_data);

typedef struct
{
  guint       version;

  /* Registers @scheme as a secure scheme answered by @serve. Once. */
  void        (*register_scheme) (const char             *scheme,
                                  HelderPreviewServeFunc  serve,
                                  gpointer                user_data);
  void        (*finish_request)  (HelderPreviewRequest   *request,
                                  GBytes                 *bytes,
                                  const char             *mime_type);
  void        (*fail_request)    (HelderPreviewRequest   *request,
                                  const GError           *error);

  /* A view that plays documents: no developer tools, no pop-ups.
   * @loaded runs each time a document finished loading, @stopped each
   * time the process that draws the view's documents ended before its
   * time (a crash, or too little memory), as long as @owner lives.
   */
  GtkWidget  *(*new_view)        (GObject                 *owner,
                                  HelderPreviewLoadedFunc  loaded,
                                  HelderPreviewLoadedFunc  stopped);
  void        (*load_uri)        (GtkWidget              *view,
                                  const char             *uri);
  gboolean    (*is_loading)      (GtkWidget              *view);
  const char *(*get_uri)         (GtkWidget              *view);
  /* Runs @body as the body of a function with @arguments (a{sv}, may
   * be NULL) as its parameters; @done, if any, gets its number.
   */
  void        (*run_function)    (GtkWidget              *view,
                                  const char             *body,
                                  GVariant               *arguments,
                                  HelderPreviewNumberFunc done,
                                  gpointer                user_data);
  /* Scales the whole page by @zoom (1 is actual size); the page then
   * lays out for the view's width divided by @zoom.
   */
  void        (*set_zoom)        (GtkWidget              *view,
                                  double                  zoom);
} HelderPreviewEngine;

typedef const HelderPreviewEngine *(*HelderPreviewEngineGetFunc) (void);

G_END_DECLS
