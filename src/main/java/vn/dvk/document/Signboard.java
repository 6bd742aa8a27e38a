package vn.dvk.document;

import java.util.List;

/**
 * A signboard to hang where a recognized model works: its title, its unit and province, the recognitions (one line
 * each, e.g. "Công nhận cấp tỉnh — Quyết định số 15-QĐ/BCĐ ngày 05/12/2026"), and a QR code (PNG) of its public page
 * with that address printed under it. Rendered by {@link DocumentRenderer#signboard} on A4 or A5, portrait.
 */
public record Signboard(
        String title, String unit, String province, List<String> recognitions, byte[] qrPng, String url, Size size) {

    /** The paper size. */
    public enum Size {
        /** A4 (210 × 297 mm). */
        A4,
        /** A5 (148 × 210 mm). */
        A5
    }
}
