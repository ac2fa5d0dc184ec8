package cn.banshi.notifications;

import java.util.List;

/** A page of the message log, newest first; {@code nextCursor} is null on the last page. */
public record MessagePage(List<Message> items, String nextCursor) {}
