/* helder-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-page"

#include "config.h"

#include <string.h>

#include "helder-page.h"
#include "helder-thread-owner.h"

struct _HelderPage
{
  GObject            parent_instance;

  char              *file;
  char              *id;
  GBytes            *text;    /* the source, exactly as written; NUL-terminated copy */
  GBytes            *saved;   /* the text the file has; NULL while it is not on disk */
  HelderPageContent *content;
  guint              word_count;
  gboolean           modified;
  GThread           *owner;   /* the only thread that may use the page */
};

G_DEFINE_FINAL_TYPE (HelderPage, helder_page, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_ID,
  PROP_TITLE,
  PROP_TEXT,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
helder_page_reparse (HelderPage *self)
{
  const char *text = helder_page_get_text (self);

  g_clear_pointer (&self->content, helder_page_content_free);
  self->content = helder_page_content_parse (self->file, text, helder_page_get_length (self));
  self->word_count = helder_page_content_count_words (self->content, text);
}

static void
helder_page_finalize (GObject *object)
{
  HelderPage *self = (HelderPage *) object;

  g_clear_pointer (&self->file, g_free);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->text, g_bytes_unref);
  g_clear_pointer (&self->saved, g_bytes_unref);
  g_clear_pointer (&self->content, helder_page_content_free);

  G_OBJECT_CLASS (helder_page_parent_class)->finalize (object);
}

static void
helder_page_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  HelderPage *self = HELDER_PAGE (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_string (value, self->file);
      break;
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, helder_page_get_title (self));
      break;
    case PROP_TEXT:
      g_value_set_string (value, helder_page_get_text (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
helder_page_class_init (HelderPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = helder_page_finalize;
  object_class->get_property = helder_page_get_property;

  properties[PROP_FILE] =
    g_param_spec_string ("file", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
helder_page_init (HelderPage *self)
{
  self->owner = g_thread_self ();
}

/* Makes the calling thread the one that may use @self; see
 * helder_module_take_over().
 */
void
helder_page_take_over (HelderPage *self)
{
  g_return_if_fail (HELDER_IS_PAGE (self));

  self->owner = g_thread_self ();
}

/* Keeps a NUL-terminated copy so the text can be handed out as a string. */
static GBytes *
terminated_copy (const char *data,
                 gsize       length)
{
  char *copy = g_malloc (length + 1);

  if (length > 0)
    memcpy (copy, data, length);
  copy[length] = '\0';

  return g_bytes_new_take (copy, length + 1);
}

static void
set_modified (HelderPage *self,
              gboolean    modified)
{
  if (self->modified == modified)
    return;

  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/**
 * helder_page_new:
 * @file: the page's path relative to the course folder ("module/page.md")
 * @bytes: the page source as read from disk
 */
HelderPage *
helder_page_new (const char *file,
                 GBytes     *bytes)
{
  HelderPage *self;
  g_autofree char *base = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  self = g_object_new (HELDER_TYPE_PAGE, NULL);
  self->file = g_strdup (file);
  base = g_path_get_basename (file);
  self->id = g_str_has_suffix (base, ".md") ? g_strndup (base, strlen (base) - 3)
                                            : g_strdup (base);
  data = g_bytes_get_data (bytes, &length);
  self->text = terminated_copy (data, length);
  self->saved = g_bytes_ref (self->text);
  helder_page_reparse (self);

  return self;
}

/* Gives the page a new file name (relative to the course folder), as
 * helder_module_rename_page() does after renaming the file.
 */
void
helder_page_set_file (HelderPage *self,
                      const char *file)
{
  g_autofree char *base = NULL;

  g_return_if_fail (HELDER_IS_PAGE (self));
  g_return_if_fail (file != NULL && g_str_has_suffix (file, ".md"));

  base = g_path_get_basename (file);
  g_free (self->file);
  self->file = g_strdup (file);
  g_free (self->id);
  self->id = g_strndup (base, strlen (base) - 3);
}

/* Returns: (transfer none): the page file relative to the course folder,
 * owned by @self.
 */
const char *
helder_page_get_file (HelderPage *self)
{
  g_return_val_if_fail (HELDER_IS_PAGE (self), NULL);

  return self->file;
}

/* Returns: (transfer none): the page id, owned by @self. */
const char *
helder_page_get_id (HelderPage *self)
{
  g_return_val_if_fail (HELDER_IS_PAGE (self), NULL);

  return self->id;
}

/* The first level-1 heading, or the file's id when the page has none. */
const char *
helder_page_get_title (HelderPage *self)
{
  g_return_val_if_fail (HELDER_IS_PAGE (self), NULL);

  return self->content->title != NULL ? self->content->title : self->id;
}

/* Returns: (transfer none): the page source as edited, NUL-terminated,
 * owned by @self until the text changes.
 */
const char *
helder_page_get_text (HelderPage *self)
{
  g_return_val_if_fail (HELDER_IS_PAGE (self), NULL);
  helder_return_val_if_other_thread (self, NULL);

  return g_bytes_get_data (self->text, NULL);
}

/* The length of the page source in bytes. */
gsize
helder_page_get_length (HelderPage *self)
{
  g_return_val_if_fail (HELDER_IS_PAGE (self), 0);

  return g_bytes_get_size (self->text) - 1;
}

/* Replaces the page source (@length -1 for NUL-terminated) and parses it
 * again.
 */
void
helder_page_set_text (HelderPage *self,
                      const char *text,
                      gssize      length)
{
  g_autofree char *old_title = NULL;

  g_return_if_fail (HELDER_IS_PAGE (self));
  g_return_if_fail (text != NULL);
  helder_return_if_other_thread (self);

  if (length < 0)
    length = strlen (text);

  if ((gsize) length == helder_page_get_length (self) &&
      memcmp (text, helder_page_get_text (self), length) == 0)
    return;

  old_title = g_strdup (helder_page_get_title (self));
  g_clear_pointer (&self->text, g_bytes_unref);
  self->text = terminated_copy (text, length);
  helder_page_reparse (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
  if (g_strcmp0 (old_title, helder_page_get_title (self)) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  /* Undoing back to the file's text leaves nothing to save. */
  set_modified (self, self->saved == NULL || !g_bytes_equal (self->text, self->saved));
}

/* Returns: (transfer none): the parsed page, owned by @self until the text
 * changes.
 */
const HelderPageContent *
helder_page_get_content (HelderPage *self)
{
  g_return_val_if_fail (HELDER_IS_PAGE (self), NULL);
  helder_return_val_if_other_thread (self, NULL);

  return self->content;
}

/* The number of learner-facing words. */
guint
helder_page_get_word_count (HelderPage *self)
{
  g_return_val_if_fail (HELDER_IS_PAGE (self), 0);

  return self->word_count;
}

/* Whether the text differs from the file (or the page is not on disk yet). */
gboolean
helder_page_get_modified (HelderPage *self)
{
  g_return_val_if_fail (HELDER_IS_PAGE (self), FALSE);

  return self->modified;
}

/* The bytes to write: exactly the source, without the terminator. */
GBytes *
helder_page_serialize (HelderPage *self)
{
  g_return_val_if_fail (HELDER_IS_PAGE (self), NULL);

  return g_bytes_new_from_bytes (self->text, 0, g_bytes_get_size (self->text) - 1);
}

/* Takes the text as it now is on disk, changed by another program: the
 * page is then unmodified again.
 */
void
helder_page_reload (HelderPage *self,
                    GBytes     *bytes)
{
  gsize length;
  const char *data;

  g_return_if_fail (HELDER_IS_PAGE (self));
  g_return_if_fail (bytes != NULL);

  data = g_bytes_get_data (bytes, &length);
  helder_page_set_text (self, data != NULL ? data : "", length);
  helder_page_mark_saved (self);
}

/* A page that is not on disk yet: it counts as a change to save. */
void
helder_page_mark_new (HelderPage *self)
{
  g_return_if_fail (HELDER_IS_PAGE (self));

  g_clear_pointer (&self->saved, g_bytes_unref);
  set_modified (self, TRUE);
}

/* Records that the text is now the file's. */
void
helder_page_mark_saved (HelderPage *self)
{
  g_return_if_fail (HELDER_IS_PAGE (self));

  g_clear_pointer (&self->saved, g_bytes_unref);
  self->saved = g_bytes_ref (self->text);
  set_modified (self, FALSE);
}

/**
 * helder_page_add_diagnostic:
 * @start: where the finding starts in the page's text, in bytes
 * @end: where it ends
 * @diagnostics: receives the finding
 *
 * Adds a finding on @self, located by line and column.
 *
 * Returns: (transfer none): the finding, to add suggestions to.
 */
HelderDiagnostic *
helder_page_add_diagnostic (HelderPage     *self,
                            gsize           start,
                            gsize           end,
                            HelderSeverity  severity,
                            const char     *rule,
                            const char     *message,
                            GPtrArray      *diagnostics)
{
  const HelderPageContent *content;
  HelderDiagnostic *diagnostic;
  guint line;
  guint column;

  g_return_val_if_fail (HELDER_IS_PAGE (self), NULL);
  g_return_val_if_fail (diagnostics != NULL, NULL);

  content = helder_page_get_content (self);
  helder_line_map_locate (content->lines, start, &line, &column);
  diagnostic = helder_diagnostic_new (helder_page_get_file (self), start, MAX (start, end), line,
                                      column, severity, rule, message);
  g_ptr_array_add (diagnostics, diagnostic);

  return diagnostic;
}
