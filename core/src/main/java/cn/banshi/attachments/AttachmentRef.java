package cn.banshi.attachments;

/** A staff action's reference to one of the case's uploads, with who may see it. */
public record AttachmentRef(String uploadId, Visibility visibility) {}
