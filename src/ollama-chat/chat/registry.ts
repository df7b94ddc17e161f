// The conversations of this Neovim instance. One of them is current: the one the chat pane shows
// and the API's chat functions act on. Others (an ask, an edit) may live beside it.
import type { Conversation } from "./conversation";

const conversations = new LuaMap<number, Conversation>();
let current: Conversation | undefined;

/** The current conversation, if there is one. */
export function peek(): Conversation | undefined {
  return current;
}

export function add(conversation: Conversation): void {
  conversations.set(conversation.id, conversation);
}

/** Makes `conversation` current (adding it). */
export function setCurrent(conversation: Conversation): void {
  add(conversation);
  current = conversation;
}

/** Forgets a conversation (closed): it is no longer current. */
export function remove(conversation: Conversation): void {
  conversations.delete(conversation.id);
  if (current === conversation) current = undefined;
}

/** The conversation with this id, while it lives. */
export function get(id: number): Conversation | undefined {
  return conversations.get(id);
}
