/**
 * Official documents: decisions, reports and certificates laid out as Vietnamese administrative documents
 * (Nghị định 30/2020/NĐ-CP for state bodies, Hướng dẫn 36-HD/VPTW for Party bodies), rendered to PDF and to Word (DOCX).
 */
package vn.dvk.document;
