package br.dev.sync.core.internal.jdbc;

import br.dev.sync.core.CheckpointId;
import br.dev.sync.core.SyncReport;
import br.dev.sync.core.internal.json.Json;
import br.dev.sync.core.spi.Marker;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checkpoints, markers, baselines and the run log (the newest 1,000 runs are kept). Stateless; thread-safe.
 */
public final class StateSql {
    private static final int RUNS_KEPT = 1000;
    private final SdkTables t;
    private final Dialect d;

    public StateSql(SdkTables tables, Dialect dialect) {
        this.t = tables;
        this.d = dialect;
    }

    public void putCheckpoint(Connection c, CheckpointId id, String cursor, long nowMicros) throws SQLException {
        String sql = d.upsert(
                t.checkpoints(),
                List.of("node", "stream", "partition_key", "window_key", "cursor_value", "updated_at"),
                List.of("node", "stream", "partition_key", "window_key"));
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id.node());
            ps.setString(2, id.stream());
            ps.setString(3, id.partition());
            ps.setString(4, id.window());
            ps.setString(5, cursor);
            ps.setLong(6, nowMicros);
            ps.executeUpdate();
        }
    }

    public Optional<String> checkpoint(Connection c, CheckpointId id) throws SQLException {
        String sql = "SELECT cursor_value FROM " + t.checkpoints()
                + " WHERE node = ? AND stream = ? AND partition_key = ? AND window_key = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id.node());
            ps.setString(2, id.stream());
            ps.setString(3, id.partition());
            ps.setString(4, id.window());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    public void putMarkers(Connection c, Collection<Marker> markers) throws SQLException {
        if (markers.isEmpty()) {
            return;
        }
        String sql = d.upsert(
                t.markers(), List.of("kind", "marker_key", "marker_value", "marked_at"), List.of("kind", "marker_key"));
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Marker m : markers) {
                ps.setString(1, m.kind());
                ps.setString(2, m.key());
                ps.setString(3, m.value());
                ps.setLong(4, Micros.of(m.at()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The markers of a kind in key order, or only the one of {@code key} when it is not null. */
    public List<Marker> markers(Connection c, String kind, String key) throws SQLException {
        String sql = "SELECT kind, marker_key, marker_value, marked_at FROM " + t.markers() + " WHERE kind = ?"
                + (key == null ? "" : " AND marker_key = ?") + " ORDER BY marker_key";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, kind);
            if (key != null) {
                ps.setString(2, key);
            }
            List<Marker> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Marker(
                            rs.getString(1), rs.getString(2), rs.getString(3), Micros.toInstant(rs.getLong(4))));
                }
            }
            return out;
        }
    }

    public void putBaselines(Connection c, String stream, Map<String, Map<String, Object>> fields) throws SQLException {
        if (fields.isEmpty()) {
            return;
        }
        String sql =
                d.upsert(t.baselines(), List.of("stream", "record_key", "fields"), List.of("stream", "record_key"));
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Map.Entry<String, Map<String, Object>> e : fields.entrySet()) {
                ps.setString(1, stream);
                ps.setString(2, e.getKey());
                ps.setString(3, JsonText.write(e.getValue(), "baseline " + stream + "/" + e.getKey()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public Map<String, Map<String, Object>> baselines(Connection c, String stream, Collection<String> keys)
            throws SQLException {
        Map<String, Map<String, Object>> out = new HashMap<>();
        for (List<String> chunk : Values.chunks(keys)) {
            String sql = "SELECT record_key, fields FROM " + t.baselines() + " WHERE stream = ? AND record_key IN ("
                    + Values.marks(chunk.size()) + ")";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, stream);
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 2, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), JsonText.fields(rs.getString(2), "baseline " + rs.getString(1)));
                    }
                }
            }
        }
        return out;
    }

    public void recordRun(Connection c, SyncReport report) throws SQLException {
        String sql = "INSERT INTO " + t.runs() + " (run_id, plan_name, node, started_at, finished_at, report)"
                + " VALUES (?, ?, ?, ?, ?, ?)";
        long id;
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, report.runId());
            ps.setString(2, report.plan());
            ps.setString(3, report.node());
            ps.setLong(4, report.started() == null ? 0 : Micros.of(report.started()));
            ps.setLong(5, report.finished() == null ? 0 : Micros.of(report.finished()));
            ps.setString(6, JsonText.write(report, "the report of run " + report.runId()));
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + t.runs() + " WHERE id <= ?")) {
            ps.setLong(1, id - RUNS_KEPT);
            ps.executeUpdate();
        }
    }

    public List<SyncReport> recentRuns(Connection c, int limit) throws SQLException {
        List<SyncReport> out = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement("SELECT run_id, report FROM " + t.runs() + " ORDER BY id DESC")) {
            ps.setMaxRows(Math.max(0, limit));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(report(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return out;
    }

    private static SyncReport report(String runId, String json) {
        try {
            return Json.mapper().readValue(json, SyncReport.class);
        } catch (JsonProcessingException e) {
            throw new br.dev.sync.core.StoreException(
                    "cannot read the stored report of run " + runId + ": " + e.getOriginalMessage(), e);
        }
    }
}
