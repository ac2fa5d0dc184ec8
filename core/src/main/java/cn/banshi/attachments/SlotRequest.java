package cn.banshi.attachments;

/** What a page asks for before uploading one file: its purpose, declared type and exact size in bytes. */
public record SlotRequest(FilePurpose purpose, String contentType, long size) {}
