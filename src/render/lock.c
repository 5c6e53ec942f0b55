/*
 * lock.c - the lock around Graphviz, and the messages it gives meanwhile.
 *
 * cgraph and gvc keep process-wide state (error handler, shared string
 * dictionary, plugin configuration), so every use of them in the library
 * holds one lock.  While it is held, Graphviz's error callback keeps its
 * messages (bounded) instead of printing them; the writers put them in their
 * error messages.
 */
#include <pthread.h>
#include <string.h>

#include "render/render.h"

static pthread_mutex_t render_mutex = PTHREAD_MUTEX_INITIALIZER;
static char gv_messages[1024];
static size_t gv_messages_len;
static agusererrf saved_errf;

/* Graphviz's error callback: keep the messages (bounded) for our errors. */
static int collect_message(char *msg)
{
	size_t n = strlen(msg), room;

	while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		n--;
	if (!n)
		return 0;
	if (gv_messages_len && gv_messages_len + 2 < sizeof(gv_messages)) {
		memcpy(gv_messages + gv_messages_len, "; ", 2);
		gv_messages_len += 2;
	}
	room = sizeof(gv_messages) - 1 - gv_messages_len;
	if (n > room)
		n = room;
	memcpy(gv_messages + gv_messages_len, msg, n);
	gv_messages_len += n;
	gv_messages[gv_messages_len] = '\0';
	return 0;
}

void ag__render_lock(void)
{
	pthread_mutex_lock(&render_mutex);
	gv_messages[0] = '\0';
	gv_messages_len = 0;
	saved_errf = agseterrf(collect_message);
}

void ag__render_unlock(void)
{
	agseterrf(saved_errf);
	pthread_mutex_unlock(&render_mutex);
}

const char *ag__render_messages(void)
{
	return gv_messages;
}
