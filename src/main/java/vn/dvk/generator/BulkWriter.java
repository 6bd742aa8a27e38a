package vn.dvk.generator;

import java.io.Reader;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Appends rows to one table in large chunks: PostgreSQL's COPY (text format) when the connection is PostgreSQL's,
 * JDBC batches otherwise. Values are String, Number, Boolean, LocalDate, OffsetDateTime or null.
 */
abstract class BulkWriter implements AutoCloseable {

    /** Rows held before the generator flushes every writer (parents first) and commits. */
    static final int CHUNK = 20_000;

    protected final Connection connection;
    protected final String table;
    protected final String[] columns;

    BulkWriter(Connection connection, String table, String... columns) {
        this.connection = connection;
        this.table = table;
        this.columns = columns;
    }

    /** A writer for this connection: COPY on PostgreSQL, batches elsewhere. */
    static BulkWriter open(Connection connection, String table, String... columns) throws SQLException {
        boolean postgres =
                connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        return postgres ? new Copy(connection, table, columns) : new Batch(connection, table, columns);
    }

    /** Adds one row (written at the next {@link #flush}); values in the order of the columns. */
    final void add(Object... values) throws SQLException {
        if (values.length != columns.length) {
            throw new IllegalArgumentException(
                    table + ": " + values.length + " values for " + columns.length + " columns");
        }
        append(values);
    }

    abstract void append(Object[] values) throws SQLException;

    abstract void flush() throws SQLException;

    @Override
    public void close() throws SQLException {
        flush();
    }

    /** JDBC batches of one prepared insert. */
    private static final class Batch extends BulkWriter {
        private final PreparedStatement insert;
        private int pending;

        Batch(Connection connection, String table, String... columns) throws SQLException {
            super(connection, table, columns);
            this.insert = connection.prepareStatement("insert into " + table + " (" + String.join(", ", columns)
                    + ") values (" + "?, ".repeat(columns.length - 1) + "?)");
        }

        @Override
        void append(Object[] values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            insert.addBatch();
            pending++;
        }

        @Override
        void flush() throws SQLException {
            if (pending > 0) {
                insert.executeBatch();
                pending = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            super.close();
            insert.close();
        }
    }

    /** COPY … FROM STDIN through the driver's CopyManager (looked up reflectively: the driver is a runtime dependency). */
    private static final class Copy extends BulkWriter {
        private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssxxx");
        private final StringBuilder buffer = new StringBuilder(1 << 20);
        private final Object copyManager;
        private final Method copyIn;

        Copy(Connection connection, String table, String... columns) throws SQLException {
            super(connection, table, columns);
            try {
                Class<?> pgConnection = Class.forName("org.postgresql.PGConnection");
                Object pg = connection.unwrap(pgConnection);
                this.copyManager = pgConnection.getMethod("getCopyAPI").invoke(pg);
                this.copyIn = copyManager.getClass().getMethod("copyIn", String.class, Reader.class);
            } catch (ReflectiveOperationException e) {
                throw new SQLException("PostgreSQL COPY is not available", e);
            }
        }

        @Override
        void append(Object[] values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    buffer.append('\t');
                }
                Object v = values[i];
                if (v == null) {
                    buffer.append("\\N");
                } else if (v instanceof String s) {
                    escape(s);
                } else if (v instanceof Boolean b) {
                    buffer.append(b ? 't' : 'f');
                } else if (v instanceof BigDecimal d) {
                    buffer.append(d.toPlainString());
                } else if (v instanceof OffsetDateTime t) {
                    buffer.append(TS.format(t));
                } else if (v instanceof LocalDate || v instanceof Number) {
                    buffer.append(v);
                } else {
                    throw new IllegalArgumentException(table + ": cannot copy " + v.getClass());
                }
            }
            buffer.append('\n');
        }

        private void escape(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '\\' -> buffer.append("\\\\");
                    case '\t' -> buffer.append("\\t");
                    case '\n' -> buffer.append("\\n");
                    case '\r' -> buffer.append("\\r");
                    default -> buffer.append(c);
                }
            }
        }

        @Override
        void flush() throws SQLException {
            if (buffer.length() == 0) {
                return;
            }
            try {
                copyIn.invoke(
                        copyManager,
                        "copy " + table + " (" + String.join(", ", columns) + ") from stdin",
                        new StringReader(buffer.toString()));
            } catch (ReflectiveOperationException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                throw cause instanceof SQLException s ? s : new SQLException("COPY into " + table + " failed", cause);
            }
            buffer.setLength(0);
        }
    }
}
