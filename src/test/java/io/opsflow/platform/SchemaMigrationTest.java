package io.opsflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.OpsflowSpringTest;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/** Our tables come from the migrations in {@code db/migration/{vendor}}, with the application's Flyway settings. */
@OpsflowSpringTest
class SchemaMigrationTest {

  @Autowired
  Flyway flyway;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void theApplicationsDatabaseIsAtTheLatestMigration() {
    List<Map<String, Object>> applied = jdbc.queryForList(
        "select \"version\", \"success\" from \"flyway_schema_history\" order by \"installed_rank\"");

    assertThat(applied).extracting(row -> row.get("version")).last().isEqualTo("1");
    assertThat(applied).allSatisfy(row -> assertThat(row.get("success")).isEqualTo(true));
  }

  /** A database from before the migrations: Hibernate had made our tables, and Camunda its own. */
  @Test
  void aDatabaseFromBeforeTheMigrationsIsTakenOver() throws Exception {
    JdbcDataSource before = new JdbcDataSource();
    before.setURL("jdbc:h2:mem:before-migrations;DB_CLOSE_DELAY=-1");
    JdbcTemplate beforeJdbc = new JdbcTemplate(before);
    try (var connection = before.getConnection()) {
      ScriptUtils.executeSqlScript(connection, new ClassPathResource("db/migration/h2/V1__opsflow_tables.sql"));
    }
    beforeJdbc.execute("create table ACT_GE_PROPERTY (NAME_ varchar(64) primary key)");
    beforeJdbc.update("insert into ops_department (group_id, lead_user_id) values ('sales', 'sarah')");

    MigrateResult result = Flyway.configure().configuration(flyway.getConfiguration()).dataSource(before).load()
        .migrate();

    assertThat(result.success).isTrue();
    assertThat(result.targetSchemaVersion).isEqualTo("1");
    assertThat(beforeJdbc.queryForObject("select lead_user_id from ops_department where group_id = 'sales'",
        String.class)).isEqualTo("sarah");
  }
}
