/* helder-media.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-media"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gst/gst.h>
#include <gst/pbutils/pbutils.h>

#include "helder-media.h"

/* How long the discoverer may look at one file before giving up. */
#define DISCOVER_TIMEOUT (10 * GST_SECOND)

/* Starts GStreamer once for the process. Checks in several threads may
 * be first at the same time: gst_is_initialized() says TRUE before the
 * plugins are loaded, and a thread that went on then found no plugins at
 * all (a length of 0, "the cue starts after the media ends"). Every
 * thread waits here until the start is over.
 */
static gboolean
start_gstreamer (GError **error)
{
  static gsize started;
  static char *start_error;

  if (g_once_init_enter (&started))
    {
      g_autoptr(GError) local_error = NULL;
      gboolean ok = gst_init_check (NULL, NULL, &local_error);

      if (!ok)
        start_error = g_strdup (local_error->message);
      g_once_init_leave (&started, ok ? 1 : 2);
    }

  if (started == 1)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               _("cannot read media files: GStreamer does not start (%s)"), start_error);
  return FALSE;
}

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
  GstDiscovererResult result;
  GstClockTime duration;

  g_return_val_if_fail (path != NULL, -1);

  if (!start_gstreamer (error))
    return -1;

  uri = gst_filename_to_uri (path, &local_error);
  if (uri != NULL)
    discoverer = gst_discoverer_new (DISCOVER_TIMEOUT, &local_error);
  if (discoverer != NULL)
    info = gst_discoverer_discover_uri (discoverer, uri, &local_error);

  /* A missing decoder does not matter as long as the container says how
   * long the media lasts; without a plugin even for the container, the
   * length reads as 0, which is not a length.
   */
  result = info != NULL ? gst_discoverer_info_get_result (info) : GST_DISCOVERER_ERROR;
  if (result == GST_DISCOVERER_MISSING_PLUGINS && gst_discoverer_info_get_duration (info) == 0)
    result = GST_DISCOVERER_ERROR;
  if (result != GST_DISCOVERER_OK && result != GST_DISCOVERER_MISSING_PLUGINS)
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

/**
 * helder_media_dup_first_frame:
 * @path: a video file
 *
 * Decodes the first frame of @path, for a card to show when the video
 * has no poster picture of its own. Blocking: call it in a thread.
 *
 * Returns: (transfer full): the frame as a PNG file, or %NULL with @error
 *   set
 */
GBytes *
helder_media_dup_first_frame (const char  *path,
                              GError     **error)
{
  g_autoptr(GstElement) player = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) message = NULL;
  g_autoptr(GstCaps) caps = NULL;
  g_autoptr(GstSample) sample = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *name = NULL;
  GBytes *png = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (!start_gstreamer (error))
    return NULL;

  name = g_path_get_basename (path);
  uri = gst_filename_to_uri (path, &local_error);
  player = gst_element_factory_make ("playbin", NULL);
  if (uri == NULL || player == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("cannot show a frame of \"%s\": GStreamer's playback plug-ins are missing"),
                   name);
      return NULL;
    }

  /* Paused, the player decodes the first frame and stops there; the sinks
   * show and play nothing.
   */
  gst_object_ref_sink (player);
  g_object_set (player, "uri", uri,
                "video-sink", gst_element_factory_make ("fakesink", NULL),
                "audio-sink", gst_element_factory_make ("fakesink", NULL), NULL);
  bus = gst_element_get_bus (player);
  gst_element_set_state (player, GST_STATE_PAUSED);
  message = gst_bus_timed_pop_filtered (bus, DISCOVER_TIMEOUT,
                                        GST_MESSAGE_ASYNC_DONE | GST_MESSAGE_ERROR);
  if (message != NULL && GST_MESSAGE_TYPE (message) == GST_MESSAGE_ASYNC_DONE)
    {
      caps = gst_caps_new_empty_simple ("image/png");
      g_signal_emit_by_name (player, "convert-sample", caps, &sample);
    }
  gst_element_set_state (player, GST_STATE_NULL);

  if (sample != NULL && gst_sample_get_buffer (sample) != NULL)
    {
      GstBuffer *buffer = gst_sample_get_buffer (sample);
      GstMapInfo map;

      if (gst_buffer_map (buffer, &map, GST_MAP_READ))
        {
          png = g_bytes_new (map.data, map.size);
          gst_buffer_unmap (buffer, &map);
        }
    }
  if (png == NULL)
    {
      if (message != NULL && GST_MESSAGE_TYPE (message) == GST_MESSAGE_ERROR)
        gst_message_parse_error (message, &local_error, NULL);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("cannot show a frame of \"%s\": %s; check that the file plays"), name,
                   local_error != NULL ? local_error->message : _("it has no picture"));
    }

  return png;
}

/* What a picture's last decoding said, for as long as the file keeps its
 * size and time: checks run on every pause in typing, in threads.
 */
typedef struct
{
  goffset  size;
  gint64   mtime; /* µs */
  gboolean whole;
} PictureVerdict;

G_LOCK_DEFINE_STATIC (picture_verdicts);
static GHashTable *picture_verdicts;

/* TRUE when one of gdk-pixbuf's loaders reads files named like @path. */
static gboolean
extension_has_loader (const char *path)
{
  const char *dot = strrchr (path, '.');
  g_autoptr(GSList) formats = NULL;
  gboolean found = FALSE;

  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return FALSE;

  formats = gdk_pixbuf_get_formats ();
  for (GSList *l = formats; l != NULL && !found; l = l->next)
    {
      g_auto(GStrv) extensions = gdk_pixbuf_format_get_extensions (l->data);

      for (guint i = 0; extensions[i] != NULL && !found; i++)
        found = g_ascii_strcasecmp (extensions[i], dot + 1) == 0;
    }

  return found;
}

/* Decodes @path whole, as a browser does before it shows it. A kind of
 * picture no loader here reads (WebP without its loader) is not judged.
 */
static gboolean
decode_picture (const char *path)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;

  /* gdk_pixbuf_new_from_file() reads the file whole and fails on a cut
   * off one; decoding at a size does not.
   */
  pixbuf = gdk_pixbuf_new_from_file (path, &error);
  if (pixbuf != NULL)
    return TRUE;
  if (g_error_matches (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_UNKNOWN_TYPE))
    return !extension_has_loader (path);
  if (g_error_matches (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_INSUFFICIENT_MEMORY) ||
      g_error_matches (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_UNSUPPORTED_OPERATION))
    return TRUE;

  return FALSE;
}

/**
 * helder_media_check_picture:
 * @path: a picture file that exists
 *
 * Decodes the picture at @path whole. Its verdict is remembered until the
 * file's size or time changes, so checking again costs one stat. Safe to
 * call in a thread.
 *
 * Returns: %FALSE with @error set (in words for the author) when the file
 *   is damaged, cut off or not a picture of the kind its name says; %TRUE
 *   when it can be shown, or when it is of a kind no loader here reads.
 */
gboolean
helder_media_check_picture (const char  *path,
                            GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  PictureVerdict *verdict;
  goffset size;
  gint64 mtime;
  gboolean whole;

  g_return_val_if_fail (path != NULL, FALSE);

  file = g_file_new_for_path (path);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_TIME_MODIFIED "," G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL || g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    return TRUE; /* a missing file is the course check's to report */
  size = g_file_info_get_size (info);
  mtime = (gint64) g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) * G_USEC_PER_SEC +
          g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);

  G_LOCK (picture_verdicts);
  if (picture_verdicts == NULL)
    picture_verdicts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  verdict = g_hash_table_lookup (picture_verdicts, path);
  if (verdict != NULL && verdict->size == size && verdict->mtime == mtime)
    whole = verdict->whole;
  else
    {
      /* Decoding happens outside the lock; two threads may both decode. */
      G_UNLOCK (picture_verdicts);
      whole = decode_picture (path);
      G_LOCK (picture_verdicts);
      verdict = g_new (PictureVerdict, 1);
      verdict->size = size;
      verdict->mtime = mtime;
      verdict->whole = whole;
      g_hash_table_replace (picture_verdicts, g_strdup (path), verdict);
    }
  G_UNLOCK (picture_verdicts);

  if (!whole)
    {
      g_autofree char *name = g_path_get_basename (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("the picture \"%s\" cannot be shown: the file is damaged or incomplete; "
                     "save it again from the program it came from, or choose another picture"),
                   name);
    }

  return whole;
}
