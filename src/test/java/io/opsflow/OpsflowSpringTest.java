package io.opsflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one Spring test set-up: the whole app with the demo organisation on a random port and an
 * in-memory database. Every Spring test uses exactly this, so they all share one cached context;
 * add no properties or mocks per class. Tagged {@value #TAG}: the build runs these a second time
 * on PostgreSQL where it is installed (the POM's {@code postgresql} profile, {@link TestDatabase}).
 * Every call of a test to {@code /api} is checked against the API description ({@link ApiContract}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = OpsflowApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@Import(ApiContract.class)
@Tag(OpsflowSpringTest.TAG)
public @interface OpsflowSpringTest {

  String TAG = "application";
}
