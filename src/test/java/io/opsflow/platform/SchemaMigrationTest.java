package io.opsflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.OpsflowSpringTest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Our tables come from the migrations in {@code db/migration/{vendor}}, with the application's
 * Flyway settings, and must be what the entities need: Hibernate's validation at start-up misses
 * some differences, a value missing from an enum column for one.
 */
@OpsflowSpringTest
class SchemaMigrationTest {

  /** Written at start-up by Hibernate in the test profile (application-test.yml). */
  static final Path ENTITY_SCHEMA = Path.of("target", "entity-schema.sql");
  static final String FIRST_MIGRATION = "db/migration/h2/V1__opsflow_tables.sql";

  @Autowired
  Flyway flyway;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void theApplicationsDatabaseIsAtTheLatestMigration() {
    List<Map<String, Object>> applied = jdbc.queryForList(
        "select \"version\", \"success\" from \"flyway_schema_history\" order by \"installed_rank\"");

    assertThat(applied).extracting(row -> row.get("version")).last().isEqualTo("8");
    assertThat(applied).allSatisfy(row -> assertThat(row.get("success")).isEqualTo(true));
  }

  @Test
  void theMigrationsMakeTheTablesTheEntitiesNeed() throws SQLException {
    DataSource fromEntities = emptyDatabase("from-entities");
    run(fromEntities, new FileSystemResource(ENTITY_SCHEMA));
    DataSource fromMigrations = emptyDatabase("from-migrations");
    migrate(fromMigrations);

    assertThat(tablesOf(fromMigrations)).containsExactlyElementsOf(tablesOf(fromEntities));
  }

  /** H2 keeps an ENUM value as its position, which a crash can leave behind (V7_1's comment). */
  @Test
  void noColumnKeepsAnEnumValueAsItsPosition() {
    DataSource fromMigrations = emptyDatabase("no-enums");
    migrate(fromMigrations);

    assertThat(new JdbcTemplate(fromMigrations).queryForList("""
        select table_name || '.' || column_name from information_schema.columns
        where table_schema = 'PUBLIC' and data_type = 'ENUM'
        """, String.class)).isEmpty();
  }

  @Test
  void statusesWrittenAsEnumValuesKeepTheirNames() {
    DataSource database = emptyDatabase("enum-statuses");
    Flyway.configure().configuration(flyway.getConfiguration()).dataSource(database).target("7").load().migrate();
    JdbcTemplate databaseJdbc = new JdbcTemplate(database);
    databaseJdbc.update("""
        insert into customer_order (stock_reserved, total, placed_at, updated_at, status, carrier, customer_email, customer_name)
        values (true, 10, current_timestamp, current_timestamp, 'SHIPPED', 'DHL', 'a@example.com', 'A')
        """);

    migrate(database);

    assertThat(databaseJdbc.queryForMap("select status, carrier from customer_order"))
        .containsEntry("STATUS", "SHIPPED").containsEntry("CARRIER", "DHL");
  }

  /** A database from before the migrations: Hibernate had made our tables, and Camunda its own. */
  @Test
  void aDatabaseFromBeforeTheMigrationsIsTakenOver() throws SQLException {
    DataSource before = emptyDatabase("before-migrations");
    run(before, new ClassPathResource(FIRST_MIGRATION));
    JdbcTemplate beforeJdbc = new JdbcTemplate(before);
    beforeJdbc.execute("create table ACT_GE_PROPERTY (NAME_ varchar(64) primary key)");
    beforeJdbc.update("insert into ops_department (group_id, lead_user_id) values ('sales', 'sarah')");

    MigrateResult result = migrate(before);

    assertThat(result.success).isTrue();
    assertThat(result.targetSchemaVersion).isEqualTo("8");
    assertThat(beforeJdbc.queryForObject("select lead_user_id from ops_department where group_id = 'sales'",
        String.class)).isEqualTo("sarah");
  }

  private MigrateResult migrate(DataSource database) {
    return Flyway.configure().configuration(flyway.getConfiguration()).dataSource(database).load().migrate();
  }

  private static DataSource emptyDatabase(String name) {
    JdbcDataSource database = new JdbcDataSource();
    database.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    new JdbcTemplate(database).execute("drop all objects");
    return database;
  }

  private static void run(DataSource database, Resource script) throws SQLException {
    try (Connection connection = database.getConnection()) {
      ScriptUtils.executeSqlScript(connection, script);
    }
  }

  /**
   * Columns (type, size, nullability, enum values), constraints (kind, columns, check) and named
   * indexes of our tables, as lines to compare; names H2 generates are left out.
   */
  private static List<String> tablesOf(DataSource database) {
    JdbcTemplate jdbc = new JdbcTemplate(database);
    List<String> lines = new ArrayList<>();
    lines.addAll(jdbc.queryForList("""
        select c.table_name || '.' || c.column_name || ' ' || c.data_type || ' ' || coalesce(c.character_maximum_length, 0)
            || ' ' || coalesce(c.numeric_precision, 0) || ' ' || coalesce(c.numeric_scale, 0) || ' ' || c.is_nullable
            || ' ' || coalesce((select listagg(e.value_name, ',') within group (order by e.value_name)
                from information_schema.enum_values e where e.object_schema = c.table_schema
                and e.object_name = c.table_name and e.enum_identifier = c.dtd_identifier), '')
        from information_schema.columns c
        where c.table_schema = 'PUBLIC' and c.table_name <> 'flyway_schema_history'
        """, String.class));
    lines.addAll(jdbc.queryForList("""
        select t.table_name || ' ' || t.constraint_type || ' ' || coalesce((select listagg(k.column_name, ',')
                within group (order by k.column_name) from information_schema.key_column_usage k
                where k.constraint_schema = t.constraint_schema and k.constraint_name = t.constraint_name), '')
            || ' ' || coalesce((select ch.check_clause from information_schema.check_constraints ch
                where ch.constraint_schema = t.constraint_schema and ch.constraint_name = t.constraint_name), '')
        from information_schema.table_constraints t
        where t.table_schema = 'PUBLIC' and t.table_name <> 'flyway_schema_history'
        """, String.class));
    lines.addAll(jdbc.queryForList("""
        select i.table_name || ' index ' || i.index_name || ' ' || (select listagg(ic.column_name, ',')
                within group (order by ic.ordinal_position) from information_schema.index_columns ic
                where ic.index_schema = i.index_schema and ic.index_name = i.index_name)
        from information_schema.indexes i
        where i.table_schema = 'PUBLIC' and i.index_type_name = 'INDEX' and i.table_name <> 'flyway_schema_history'
            and i.index_name not like 'FK%' and i.index_name not like 'CONSTRAINT%'
        """, String.class));
    return lines.stream().sorted().toList();
  }
}
