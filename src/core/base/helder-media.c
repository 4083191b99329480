/* helder-media.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-media"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <gst/gst.h>
#include <gst/pbutils/pbutils.h>

#include "helder-media.h"

/* How long the discoverer may look at one file before giving up. */
#define DISCOVER_TIMEOUT (10 * GST_SECOND)

/**
 * helder_media_get_duration:
 * @path: an audio or video file
 *
 * Reads the length of @path with GStreamer's discoverer.
 *
 * Returns: the duration in milliseconds, or -1 with @error set.
 */
gint64
helder_media_get_duration (const char  *path,
                           GError     **error)
{
  g_autoptr(GstDiscoverer) discoverer = NULL;
  g_autoptr(GstDiscovererInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *uri = NULL;
  GstClockTime duration;

  g_return_val_if_fail (path != NULL, -1);

  if (!gst_is_initialized () && !gst_init_check (NULL, NULL, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("cannot read media lengths: GStreamer does not start (%s)"),
                   local_error->message);
      return -1;
    }

  uri = gst_filename_to_uri (path, &local_error);
  if (uri != NULL)
    discoverer = gst_discoverer_new (DISCOVER_TIMEOUT, &local_error);
  if (discoverer != NULL)
    info = gst_discoverer_discover_uri (discoverer, uri, &local_error);

  /* A missing decoder does not matter as long as the container says how
   * long the media lasts.
   */
  if (info == NULL || (gst_discoverer_info_get_result (info) != GST_DISCOVERER_OK &&
                       gst_discoverer_info_get_result (info) != GST_DISCOVERER_MISSING_PLUGINS))
    {
      g_autofree char *name = g_path_get_basename (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("cannot read the length of \"%s\": %s; check that the file plays"),
                   name, local_error != NULL ? local_error->message : _("unknown format"));
      return -1;
    }

  duration = gst_discoverer_info_get_duration (info);
  if (!GST_CLOCK_TIME_IS_VALID (duration))
    {
      g_autofree char *name = g_path_get_basename (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("\"%s\" does not say how long it lasts; save it again with a media "
                     "converter"), name);
      return -1;
    }

  return (gint64) (duration / GST_MSECOND);
}
