/* helder-preview-webkit.c
 *
 * The preview's web engine: WebKitGTK behind the table of
 * helder-preview-engine.h. Built as a module of its own and opened by
 * the app the first time the preview is shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-preview"

#include "config.h"

#include <gmodule.h>
#include <webkit/webkit.h>

#include "helder-preview-engine.h"

typedef struct
{
  HelderPreviewServeFunc serve;
  gpointer               user_data;
} Scheme;

typedef struct
{
  HelderPreviewNumberFunc done;
  gpointer                user_data;
} FunctionCall;

static void
scheme_request_cb (WebKitURISchemeRequest *request,
                   gpointer                data)
{
  Scheme *scheme = data;

  scheme->serve ((HelderPreviewRequest *) g_object_ref (request),
                 GTK_WIDGET (webkit_uri_scheme_request_get_web_view (request)),
                 webkit_uri_scheme_request_get_path (request), scheme->user_data);
}

static void
register_scheme (const char             *name,
                 HelderPreviewServeFunc  serve,
                 gpointer                user_data)
{
  WebKitWebContext *context = webkit_web_context_get_default ();
  Scheme *scheme = g_new0 (Scheme, 1);

  scheme->serve = serve;
  scheme->user_data = user_data;
  webkit_web_context_register_uri_scheme (context, name, scheme_request_cb, scheme, g_free);
  webkit_security_manager_register_uri_scheme_as_secure (
    webkit_web_context_get_security_manager (context), name);
}

/* Both finish functions drop the reference serve() was given. */
static void
finish_request (HelderPreviewRequest *request,
                GBytes               *bytes,
                const char           *mime_type)
{
  g_autoptr(WebKitURISchemeRequest) scheme_request = (WebKitURISchemeRequest *) request;
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);

  webkit_uri_scheme_request_finish (scheme_request, stream, g_bytes_get_size (bytes), mime_type);
}

static void
fail_request (HelderPreviewRequest *request,
              const GError         *error)
{
  g_autoptr(WebKitURISchemeRequest) scheme_request = (WebKitURISchemeRequest *) request;

  webkit_uri_scheme_request_finish_error (scheme_request, (GError *) error);
}

static void
load_changed_cb (WebKitWebView   *view,
                 WebKitLoadEvent  event,
                 gpointer         user_data)
{
  HelderPreviewLoadedFunc loaded = g_object_get_data (G_OBJECT (view), "helder-loaded");

  if (event == WEBKIT_LOAD_FINISHED)
    loaded (GTK_WIDGET (view), user_data);
}

static void
web_process_terminated_cb (WebKitWebView                     *view,
                           WebKitWebProcessTerminationReason  reason,
                           gpointer                           user_data)
{
  HelderPreviewLoadedFunc stopped = g_object_get_data (G_OBJECT (view), "helder-stopped");

  g_debug ("The preview's web process ended (reason %d)", reason);
  stopped (GTK_WIDGET (view), user_data);
}

static GtkWidget *
new_view (GObject                 *owner,
          HelderPreviewLoadedFunc  loaded,
          HelderPreviewLoadedFunc  stopped)
{
  WebKitWebView *view = WEBKIT_WEB_VIEW (webkit_web_view_new ());
  WebKitSettings *settings = webkit_web_view_get_settings (view);

  /* The preview plays the course; it does not browse or run plug-ins. */
  webkit_settings_set_enable_developer_extras (settings, FALSE);
  webkit_settings_set_javascript_can_open_windows_automatically (settings, FALSE);

  g_object_set_data (G_OBJECT (view), "helder-loaded", loaded);
  g_object_set_data (G_OBJECT (view), "helder-stopped", stopped);
  g_signal_connect_object (view, "load-changed", G_CALLBACK (load_changed_cb), owner, 0);
  g_signal_connect_object (view, "web-process-terminated", G_CALLBACK (web_process_terminated_cb),
                           owner, 0);

  return GTK_WIDGET (view);
}

static void
load_uri (GtkWidget  *view,
          const char *uri)
{
  webkit_web_view_load_uri (WEBKIT_WEB_VIEW (view), uri);
}

static gboolean
is_loading (GtkWidget *view)
{
  return webkit_web_view_is_loading (WEBKIT_WEB_VIEW (view));
}

static const char *
get_uri (GtkWidget *view)
{
  return webkit_web_view_get_uri (WEBKIT_WEB_VIEW (view));
}

static void
function_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  g_autofree FunctionCall *call = data;
  g_autoptr(JSCValue) value = NULL;

  value = webkit_web_view_call_async_javascript_function_finish (WEBKIT_WEB_VIEW (source),
                                                                 result, NULL);
  call->done (GTK_WIDGET (source),
              value != NULL && jsc_value_is_number (value) ? jsc_value_to_double (value) : 0,
              call->user_data);
}

static void
run_function (GtkWidget               *view,
              const char              *body,
              GVariant                *arguments,
              HelderPreviewNumberFunc  done,
              gpointer                 user_data)
{
  FunctionCall *call = NULL;

  if (done != NULL)
    {
      call = g_new0 (FunctionCall, 1);
      call->done = done;
      call->user_data = user_data;
    }
  webkit_web_view_call_async_javascript_function (WEBKIT_WEB_VIEW (view), body, -1, arguments,
                                                  NULL, NULL, NULL,
                                                  call != NULL ? function_done_cb : NULL, call);
}

static void
set_zoom (GtkWidget *view,
          double     zoom)
{
  webkit_web_view_set_zoom_level (WEBKIT_WEB_VIEW (view), zoom);
}

static const HelderPreviewEngine webkit_engine = {
  .version = HELDER_PREVIEW_ENGINE_VERSION,
  .register_scheme = register_scheme,
  .finish_request = finish_request,
  .fail_request = fail_request,
  .new_view = new_view,
  .load_uri = load_uri,
  .is_loading = is_loading,
  .get_uri = get_uri,
  .run_function = run_function,
  .set_zoom = set_zoom,
};

G_MODULE_EXPORT const HelderPreviewEngine *helder_preview_engine_get (void);

const HelderPreviewEngine *
helder_preview_engine_get (void)
{
  return &webkit_engine;
}

/* WebKit registers types and threads that cannot be undone: the module
 * stays loaded once opened.
 */
G_MODULE_EXPORT const char *g_module_check_init (GModule *module);

const char *
g_module_check_init (GModule *module)
{
  g_module_make_resident (module);
  return NULL;
}
