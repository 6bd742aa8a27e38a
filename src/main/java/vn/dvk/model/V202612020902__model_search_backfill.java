package vn.dvk.model;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Fills the search columns of the models registered before search by words: {@code search_text} (the words of the
 * title and holder) and {@code search_body} (of the summary), folded in Java as new registrations are
 * ({@link DvkModel#searchText}), in batches by id. The statistics triggers ignore these columns. Spring Boot hands
 * Flyway every {@code JavaMigration} bean, which is why this is a component.
 */
@Component
class V202612020902__model_search_backfill extends BaseJavaMigration {

    private static final int BATCH = 2000;

    private record Row(long id, String title, String holder, String summary) {}

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        long last = 0;
        while (true) {
            List<Row> rows = new ArrayList<>(BATCH);
            try (PreparedStatement ps = c.prepareStatement("select id, title, holder_name, summary from model_model"
                    + " where id > ? order by id limit " + BATCH)) {
                ps.setLong(1, last);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                    }
                }
            }
            if (rows.isEmpty()) {
                return;
            }
            try (PreparedStatement up =
                    c.prepareStatement("update model_model set search_text = ?, search_body = ? where id = ?")) {
                for (Row r : rows) {
                    up.setString(1, DvkModel.searchText(r.title(), r.holder()));
                    up.setString(2, DvkModel.searchBody(r.summary()));
                    up.setLong(3, r.id());
                    up.addBatch();
                }
                up.executeBatch();
            }
            last = rows.get(rows.size() - 1).id();
        }
    }
}
