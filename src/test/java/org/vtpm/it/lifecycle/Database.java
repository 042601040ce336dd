package org.vtpm.it.lifecycle;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.naming.InitialContext;
import javax.sql.DataSource;

/** The application's database as an attacker with a dump sees it (in-container tests only). */
final class Database {

    private static final Set<Integer> BINARY = Set.of(Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB);

    private Database() {
    }

    static DataSource dataSource() throws Exception {
        return InitialContext.doLookup("java:jboss/datasources/VtpmDS");
    }

    /** Every value of every table of the application's schema, as bytes. */
    static byte[] dumpAllTables() throws Exception {
        ByteArrayOutputStream dump = new ByteArrayOutputStream();
        try (Connection connection = dataSource().getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = metaData.getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
                while (rows.next()) {
                    tables.add(rows.getString("TABLE_NAME"));
                }
            }
            assertTrue(tables.stream().anyMatch(table -> table.equalsIgnoreCase("vtpm_state")), tables.toString());
            for (String table : tables) {
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData columns = rows.getMetaData();
                    while (rows.next()) {
                        for (int column = 1; column <= columns.getColumnCount(); column++) {
                            byte[] value = BINARY.contains(columns.getColumnType(column)) ? rows.getBytes(column)
                                    : bytesOf(rows.getString(column));
                            if (value != null) {
                                dump.write(value);
                            }
                        }
                    }
                }
            }
        }
        return dump.toByteArray();
    }

    private static byte[] bytesOf(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int start = 0; start + needle.length <= haystack.length; start++) {
            for (int i = 0; i < needle.length; i++) {
                if (haystack[start + i] != needle[i]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
