package br.dev.sync.core.internal.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds a host's table in the database's metadata: first as written, then in the case the database stores
 * unquoted names in; {@code schema.table} looks in that schema (a MariaDB database), else in the connection's.
 */
final class TableLookup {
    /** The table's quoted name and its columns by lower-case name. */
    record Found(String quoted, Map<String, ColumnInfo> columns) {}

    private TableLookup() {}

    static Found find(Connection c, Dialect d, String table) throws SQLException {
        int dot = table.indexOf('.');
        String schema = dot < 0 ? null : table.substring(0, dot);
        String name = dot < 0 ? table : table.substring(dot + 1);
        for (String s : schema == null ? List.of("") : List.of(schema, d.storedCase(schema))) {
            for (String n : List.of(name, d.storedCase(name))) {
                Map<String, ColumnInfo> cols = columns(c, d, s.isEmpty() ? null : s, n);
                if (!cols.isEmpty()) {
                    String quoted = (s.isEmpty() ? "" : d.quote(s) + ".") + d.quote(n);
                    return new Found(quoted, cols);
                }
            }
        }
        return null;
    }

    private static Map<String, ColumnInfo> columns(Connection c, Dialect d, String schema, String name)
            throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        boolean catalogs = d.name().equals("mariadb");
        String where = schema != null ? schema : catalogs ? c.getCatalog() : c.getSchema();
        Map<String, ColumnInfo> out = new LinkedHashMap<>();
        try (ResultSet rs = catalogs ? md.getColumns(where, null, name, "%") : md.getColumns(null, where, name, "%")) {
            while (rs.next()) {
                if (name.equals(rs.getString("TABLE_NAME"))) {
                    String col = rs.getString("COLUMN_NAME");
                    out.put(col.toLowerCase(Locale.ROOT), new ColumnInfo(col, rs.getInt("DATA_TYPE")));
                }
            }
        }
        return out;
    }
}
