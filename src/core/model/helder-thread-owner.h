/* helder-thread-owner.h
 *
 * The guard of the threading rule (helder-course.h): a course, its modules
 * and its pages each remember the thread that made them (or took them
 * over when a course loaded in a thread was handed on), and their entry
 * points a thread could reach the open course through refuse a call from
 * any other thread with a critical warning. One pointer compare.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @self has a `GThread *owner` member. */
#define helder_return_if_other_thread(self) \
  g_return_if_fail ((self)->owner == g_thread_self ())
#define helder_return_val_if_other_thread(self, val) \
  g_return_val_if_fail ((self)->owner == g_thread_self (), val)

G_END_DECLS
