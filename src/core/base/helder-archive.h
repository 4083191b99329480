/* helder-archive.h: reading a package that someone else made, a ZIP file
 * or the folder it was unpacked into, without trusting it.
 *
 * Every entry name is checked before anything is read (no absolute names,
 * no "..", no backslashes, no control characters), the sizes are checked
 * against limits that stop a ZIP bomb (entry count, size of one entry,
 * total size, compression ratio), and reading never follows a symbolic
 * link out of an unpacked folder. Entries are read whole (for small text)
 * or streamed to a file (for media), so memory stays flat in the size of
 * the media.
 *
 * Plain data, not thread-safe: use one archive from one thread at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HELDER_ARCHIVE_ERROR (helder_archive_error_quark ())

typedef enum
{
  HELDER_ARCHIVE_ERROR_BROKEN,    /* not a readable ZIP file, or truncated */
  HELDER_ARCHIVE_ERROR_UNSAFE,    /* an entry would land outside the package */
  HELDER_ARCHIVE_ERROR_TOO_LARGE, /* over a limit: count, size or compression ratio */
  HELDER_ARCHIVE_ERROR_NOT_FOUND, /* no entry of that name */
} HelderArchiveError;

/* The limits a package must stay within; helder_archive_limits_init()
 * sets generous ones for e-learning packages with video.
 */
typedef struct
{
  guint   max_entries;      /* 50,000 */
  guint64 max_entry_size;   /* 4 GiB uncompressed */
  guint64 max_total_size;   /* 16 GiB uncompressed */
  guint   max_ratio;        /* 200: an entry of over 1 MiB may be at most this
                             * many times larger than its compressed bytes */
} HelderArchiveLimits;

typedef struct _HelderArchive HelderArchive;

GQuark              helder_archive_error_quark (void);
void                helder_archive_limits_init (HelderArchiveLimits       *limits);
HelderArchive      *helder_archive_open        (const char                *path,
                                                const HelderArchiveLimits *limits,
                                                GError                   **error);
void                helder_archive_free        (HelderArchive             *self);
const char         *helder_archive_get_path    (HelderArchive             *self);
const char * const *helder_archive_get_names   (HelderArchive             *self);
gboolean            helder_archive_contains    (HelderArchive             *self,
                                                const char                *name);
guint64             helder_archive_get_size    (HelderArchive             *self,
                                                const char                *name);
GBytes             *helder_archive_read        (HelderArchive             *self,
                                                const char                *name,
                                                gsize                      max_size,
                                                GError                   **error);
gboolean            helder_archive_extract     (HelderArchive             *self,
                                                const char                *name,
                                                const char                *destination,
                                                GCancellable              *cancellable,
                                                GError                   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderArchive, helder_archive_free)

G_END_DECLS
