package io.opsflow.platform;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;

/**
 * With {@code opsflow.shared-sessions=true} (the {@code prod} profile) the web sessions of
 * Tasklist, Cockpit, Admin and insight live in the database (Spring Session JDBC, tables of
 * migration V5 on PostgreSQL), so a user logged in through one node of a cluster keeps working
 * when a load balancer sends the next request to another. Otherwise they stay in the server's
 * memory, which is all a single node needs. Expired sessions are deleted by every node's cleanup
 * (Spring Session's default cron, once a minute).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "opsflow.shared-sessions", havingValue = "true")
@EnableJdbcHttpSession
class SharedSessions {}
