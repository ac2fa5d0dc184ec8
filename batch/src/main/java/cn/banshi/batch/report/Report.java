package cn.banshi.batch.report;

import cn.banshi.reports.document.Doc;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A drafted report: the document and every figure it used. */
public record Report(Doc doc, ObjectNode json) {}
