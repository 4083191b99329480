/* helder-test-keyboard.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-test-keyboard"

#include "config.h"

#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>
#include <X11/XKBlib.h>

#include "helder-test-keyboard.h"
#include "helder-ui-test-utils.h"

static Display *
x_display (void)
{
  GdkDisplay *display = gdk_display_get_default ();

  g_assert_true (GDK_IS_X11_DISPLAY (display));
  return gdk_x11_display_get_xdisplay (display);
}

/* Lets GTK handle everything the X server has sent so far. */
static void
drain (void)
{
  XSync (x_display (), False);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Lets GTK finish what a key started before the next key, as a person's
 * typing does: the events and idle work it caused, then the frames that
 * follow (a revealed list, a new card laid out and given the focus). A
 * frame is due at most a refresh interval after it is asked for, so
 * after each pause every frame asked for so far is ready to run, however
 * busy the machine is.
 */
static void
settle (void)
{
  for (guint i = 0; i < 2; i++)
    {
      drain ();
      g_usleep (20000);
    }
  drain ();
}

static gboolean
window_mapped (gpointer window)
{
  return gtk_widget_get_mapped (window);
}

static gboolean
window_active (gpointer window)
{
  return gtk_window_is_active (window);
}

/**
 * helder_test_keyboard_focus:
 * @window: a window that is shown or about to be
 *
 * Gives @window the keyboard focus, as a window manager would when a
 * person clicks it or a dialog opens (the tests' Xvfb has no window
 * manager), and waits until GTK sees it as the active window.
 */
void
helder_test_keyboard_focus (GtkWindow *window)
{
  Window xid;

  wait_for (window_mapped, window);
  xid = gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window)));
  XRaiseWindow (x_display (), xid);
  XSetInputFocus (x_display (), xid, RevertToParent, CurrentTime);
  drain ();
  wait_for (window_active, window);
}

/**
 * helder_test_keyboard_active:
 *
 * Returns: (transfer none) (nullable): the window that has the keyboard focus
 */
GtkWindow *
helder_test_keyboard_active (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (gtk_window_is_active (l->data))
      return l->data;
  return NULL;
}

/* The keycode that gives @keysym, and whether it needs Shift. A keysym
 * the keyboard map lacks (é, “) is put on a keycode no key uses, the way
 * xdotool types characters a layout does not have.
 */
static KeyCode
keycode_for (KeySym    keysym,
             gboolean *shifted)
{
  Display *dpy = x_display ();
  int min_code, max_code, per_code;
  KeySym *map;
  KeyCode found = 0;
  KeyCode spare = 0;

  XDisplayKeycodes (dpy, &min_code, &max_code);
  map = XGetKeyboardMapping (dpy, min_code, max_code - min_code + 1, &per_code);
  for (int code = min_code; code <= max_code && found == 0; code++)
    {
      KeySym *syms = map + (code - min_code) * per_code;
      gboolean unused = TRUE;

      for (int level = 0; level < MIN (per_code, 2); level++)
        if (syms[level] == keysym)
          {
            found = code;
            *shifted = level == 1;
            break;
          }
      for (int level = 0; level < per_code; level++)
        unused = unused && syms[level] == NoSymbol;
      if (unused)
        spare = code;
    }
  XFree (map);

  if (found == 0)
    {
      KeySym both[2] = { keysym, keysym };

      g_assert_cmpint (spare, !=, 0);
      XChangeKeyboardMapping (dpy, spare, 2, both, 1);
      drain ();
      found = spare;
      *shifted = FALSE;
    }
  return found;
}

/* When a dialog closes, a window manager gives the focus back to the
 * window below it; the tests' Xvfb has none, so this does: a modal
 * window first, else any window that is shown.
 */
static void
ensure_focus (void)
{
  g_autoptr(GList) toplevels = NULL;
  GtkWindow *shown = NULL;

  if (helder_test_keyboard_active () != NULL)
    return;
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (gtk_widget_get_visible (l->data) && (shown == NULL || gtk_window_get_modal (l->data)))
      shown = l->data;
  if (shown != NULL)
    helder_test_keyboard_focus (shown);
}

/* GTK delivers input at the next frame, not when the X server sends it:
 * a key counts as pressed once the window that had the focus handled its
 * release (a button clicks on the release of Space), or is no longer the
 * active window (Return closed a dialog, whose release goes elsewhere).
 * Keys for a popover reach its own surface, not the window's: the
 * popover with the focus is watched as well.
 */
typedef struct
{
  GtkWindow *window;
  KeyCode    code;
  gboolean   released;
} KeyWait;

static KeyWait *key_wait;

static void
key_released_cb (GtkEventControllerKey *controller,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state)
{
  if (key_wait != NULL && keycode == key_wait->code)
    key_wait->released = TRUE;
}

static void
watch_keys_of (GtkWidget *window)
{
  GtkEventController *controller;

  if (window == NULL || g_object_get_data (G_OBJECT (window), "helder-test-keys") != NULL)
    return;
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-released", G_CALLBACK (key_released_cb), NULL);
  gtk_widget_add_controller (GTK_WIDGET (window), controller);
  g_object_set_data (G_OBJECT (window), "helder-test-keys", controller);
}

static gboolean
key_handled (gpointer data)
{
  KeyWait *wait = data;

  return wait->released || wait->window == NULL || !gtk_window_is_active (wait->window);
}

static gboolean
key_wait_over_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
press_keysym (KeySym          keysym,
              GdkModifierType modifiers)
{
  static const struct { GdkModifierType mask; KeySym key; } modifier_keys[] = {
    { GDK_CONTROL_MASK, XK_Control_L },
    { GDK_ALT_MASK, XK_Alt_L },
    { GDK_SUPER_MASK, XK_Super_L },
    { GDK_SHIFT_MASK, XK_Shift_L },
  };
  Display *dpy = x_display ();
  gboolean shifted = FALSE;
  KeyCode code;
  KeyWait wait = { NULL, 0, FALSE };
  gboolean over = FALSE;
  guint deadline;

  ensure_focus ();
  code = keycode_for (keysym, &shifted);

  if (shifted)
    modifiers |= GDK_SHIFT_MASK;
  for (guint i = 0; i < G_N_ELEMENTS (modifier_keys); i++)
    if (modifiers & modifier_keys[i].mask)
      XTestFakeKeyEvent (dpy, XKeysymToKeycode (dpy, modifier_keys[i].key), True, CurrentTime);
  XTestFakeKeyEvent (dpy, code, True, CurrentTime);
  XTestFakeKeyEvent (dpy, code, False, CurrentTime);
  for (guint i = G_N_ELEMENTS (modifier_keys); i > 0; i--)
    if (modifiers & modifier_keys[i - 1].mask)
      XTestFakeKeyEvent (dpy, XKeysymToKeycode (dpy, modifier_keys[i - 1].key), False, CurrentTime);
  wait.window = helder_test_keyboard_active ();
  wait.code = code;
  watch_keys_of (GTK_WIDGET (wait.window));
  /* A popover (the link's address field) gets the keys on its own
   * surface: it is watched too.
   */
  if (wait.window != NULL && gtk_root_get_focus (GTK_ROOT (wait.window)) != NULL)
    watch_keys_of (GTK_WIDGET (gtk_widget_get_native (gtk_root_get_focus (GTK_ROOT (wait.window)))));
  if (wait.window != NULL)
    g_object_add_weak_pointer (G_OBJECT (wait.window), (gpointer *) &wait.window);
  key_wait = &wait;
  XSync (dpy, False);
  /* A key for a popover never reaches the window: after a generous
   * while the test goes on, and its own checks say what went wrong.
   */
  deadline = g_timeout_add_seconds (30, key_wait_over_cb, &over);
  while (!key_handled (&wait) && !over)
    g_main_context_iteration (NULL, TRUE);
  if (!over)
    g_source_remove (deadline);
  key_wait = NULL;
  if (wait.window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (wait.window), (gpointer *) &wait.window);
  settle ();
}

/**
 * helder_test_keyboard_press:
 * @accelerator: a key as gtk_accelerator_parse() reads it: "Tab",
 *   "<Shift>Tab", "<Control>n", "<Alt>Down", "F2"
 *
 * Presses and releases the key with its modifiers, sent to the window
 * that has the keyboard focus, and lets GTK handle it.
 */
void
helder_test_keyboard_press (const char *accelerator)
{
  guint keyval = 0;
  GdkModifierType modifiers = 0;

  if (!gtk_accelerator_parse (accelerator, &keyval, &modifiers))
    g_error ("“%s” is not a key", accelerator);
  press_keysym (keyval, modifiers);
}

void
helder_test_keyboard_repeat (const char *accelerator,
                             guint       times)
{
  for (guint i = 0; i < times; i++)
    helder_test_keyboard_press (accelerator);
}

/**
 * helder_test_keyboard_type:
 * @text: UTF-8 text; a newline presses Return
 *
 * Types @text one key at a time into the widget that has the focus.
 */
void
helder_test_keyboard_type (const char *text)
{
  g_return_if_fail (g_utf8_validate (text, -1, NULL));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch == '\n')
        press_keysym (GDK_KEY_Return, 0);
      else
        press_keysym (gdk_unicode_to_keyval (ch), 0);
    }
}
