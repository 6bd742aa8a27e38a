package vn.dvk.statistics;

import java.time.LocalDate;
import vn.dvk.document.OfficialDocument;

/**
 * What the board writes into the annual report before issuing it: the header (issuing body, number, place and
 * date, addressee), the assessments (leadership, strengths, shortcomings, causes, lessons, directions,
 * proposals), the signature and the recipients (one per line). The figures are never part of it: they are
 * counted afresh each time the report is made. {@code version} is the one last read (null before the first save).
 */
record AnnualReportForm(
        OfficialDocument.Style style,
        String parentBody,
        String issuer,
        String number,
        String place,
        LocalDate issuedOn,
        String addressee,
        String leadership,
        String strengths,
        String shortcomings,
        String causes,
        String lessons,
        String directions,
        String proposals,
        String signerAuthority,
        String signerPosition,
        String signerName,
        String recipients,
        Long version) {

    /** Limits of the text fields, as in the table. */
    static final int SHORT = 255;

    static final int NUMBER = 64;
    static final int PLACE = 128;
    static final int SIGNER = 128;
    static final int RECIPIENTS = 2000;
    static final int ASSESSMENT = 20_000;
}
