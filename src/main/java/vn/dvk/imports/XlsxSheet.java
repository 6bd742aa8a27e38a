package vn.dvk.imports;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.ooxml.util.SAXHelper;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads the first sheet of an XLSX file row by row with POI's event API (constant memory whatever the length),
 * after refusing what is not a plain workbook: another format, a password-protected (encrypted) file, a
 * macro-enabled workbook, a zip bomb, a cell holding a formula. Numbers come as plain decimals, dates as ISO dates.
 */
final class XlsxSheet {

    /** Receives each non-empty row: its number in the sheet (1-based) and its cells' texts by column (0-based). */
    interface Rows {
        void row(int number, List<String> cells);
    }

    /** A compressed part may expand at most 100 times (a zip bomb expands thousands of times). */
    static final double MIN_INFLATE_RATIO = 0.01;

    private XlsxSheet() {}

    static void read(Path file, Rows rows) {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        refuseOtherFormats(file);
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            for (PackagePart part : pkg.getParts()) {
                String name = part.getPartName().getName().toLowerCase(Locale.ROOT);
                if (name.contains("vbaproject") || part.getContentType().contains("macroEnabled")) {
                    throw new ImportRefused("imports.file.macros");
                }
            }
            XSSFReader reader = new XSSFReader(pkg);
            StylesTable styles = reader.getStylesTable();
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new ImportRefused("imports.file.empty");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = SAXHelper.newXMLReader();
                Collector collector = new Collector(rows);
                xml.setContentHandler(new Handler(styles, strings, collector));
                xml.parse(new InputSource(sheet));
                collector.endRow(-1);
            }
        } catch (ImportRefused e) {
            throw e;
        } catch (NotOfficeXmlFileException | OpenXML4JException e) {
            throw new ImportRefused("imports.file.notXlsx");
        } catch (IOException | SAXException | ParserConfigurationException | RuntimeException e) {
            if (isZipBomb(e)) {
                throw new ImportRefused("imports.file.zipBomb");
            }
            if (e instanceof RuntimeException r
                    && !(e.getCause() instanceof IOException)
                    && !(r instanceof POIXMLException)
                    && !(r instanceof OpenXML4JRuntimeException)) {
                throw r;
            }
            throw new ImportRefused("imports.file.unreadable");
        }
    }

    /** Not a zip at all: an old .xls, an encrypted (password-protected) workbook, or something else. */
    private static void refuseOtherFormats(Path file) {
        FileMagic magic;
        try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
            magic = FileMagic.valueOf(in);
        } catch (IOException e) {
            throw new ImportRefused("imports.file.notXlsx");
        }
        if (magic == FileMagic.OLE2) {
            try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
                if (fs.getRoot().hasEntry("EncryptionInfo") || fs.getRoot().hasEntry("EncryptedPackage")) {
                    throw new ImportRefused("imports.file.encrypted");
                }
            } catch (IOException e) {
                throw new ImportRefused("imports.file.notXlsx");
            }
            throw new ImportRefused("imports.file.oldXls");
        }
        if (magic != FileMagic.OOXML) {
            throw new ImportRefused("imports.file.notXlsx");
        }
    }

    private static boolean isZipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("Zip bomb") || m.contains("MAX_ENTRY_SIZE") || m.contains("inflate ratio"))) {
                return true;
            }
        }
        return false;
    }

    /** Gathers a row's cells and hands non-empty rows on. */
    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Rows rows;
        private final List<String> cells = new ArrayList<>();
        private int current = -1;

        Collector(Rows rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            current = rowNum;
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            if (current >= 0 && cells.stream().anyMatch(c -> c != null && !c.isBlank())) {
                rows.row(
                        current + 1,
                        List.copyOf(cells.stream().map(c -> c == null ? "" : c).toList()));
            }
            current = -1;
            cells.clear();
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            int col = ref == null ? cells.size() : new CellReference(ref).getCol();
            while (cells.size() <= col) {
                cells.add(null);
            }
            cells.set(col, value == null ? "" : value.trim());
        }
    }

    /** POI's sheet handler, which also refuses a cell with a formula (its {@code <f>} element). */
    private static final class Handler extends XSSFSheetXMLHandler {
        private String cellRef;

        Handler(StylesTable styles, ReadOnlySharedStringsTable strings, Collector collector) {
            super(styles, null, strings, collector, new PlainFormatter(), false);
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            if ("c".equals(localName)) {
                cellRef = attributes.getValue("r");
            } else if ("f".equals(localName)) {
                throw new ImportRefused("imports.file.formula", cellRef == null ? "?" : cellRef);
            }
            super.startElement(uri, localName, qName, attributes);
        }
    }

    /** Numbers as plain decimals (2024, 12.5), dates as ISO dates (2024-03-15), whatever the cell's format. */
    private static final class PlainFormatter extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value).toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE);
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }
}
