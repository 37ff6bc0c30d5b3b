import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU of the request threads went, from a JFR recording (docs/performance.md):
 * {@code java bench/JfrTop.java FILE.jfr [THREAD_PREFIX=http-nio]}. Prints the share of execution
 * samples of Tomcat's request threads that have a frame of each cost in their stack (inclusive,
 * so shares overlap), the heaviest methods of Opsflow's own code and the heaviest leaf methods.
 * Stacks are cut at 64 frames by default: start the JVM with {@code -XX:FlightRecorderOptions:stackdepth=256}.
 */
public class JfrTop {

  /** Costs by a frame in the stack: label, then class-name prefix and optional method name. */
  static final Map<String, String[]> COSTS = new LinkedHashMap<>();

  static {
    COSTS.put("H2, all", new String[] {"org.h2."});
    COSTS.put("H2 commit (store write)", new String[] {"org.h2.mvstore.MVStore", "commit"});
    COSTS.put("H2 file write / sync", new String[] {"org.h2.mvstore.FileStore", "writeFully"});
    COSTS.put("MyBatis (statements, mapping)", new String[] {"org.apache.ibatis."});
    COSTS.put("engine flush (DbEntityManager)", new String[] {"org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager", "flush"});
    COSTS.put("engine authorization checks", new String[] {"org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager"});
    COSTS.put("engine history events", new String[] {"org.camunda.bpm.engine.impl.history."});
    COSTS.put("engine task query", new String[] {"org.camunda.bpm.engine.impl.TaskQueryImpl"});
    COSTS.put("engine: start instance", new String[] {"org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd"});
    COSTS.put("engine: start instance (start)", new String[] {"org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd"});
    COSTS.put("engine: complete task", new String[] {"org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd"});
    COSTS.put("engine: task listeners", new String[] {"org.camunda.bpm.engine.impl.persistence.entity.TaskEntity", "fireEvent"});
    COSTS.put("password check (identity service)", new String[] {"org.camunda.bpm.engine.impl.cmd.CheckPassword"});
    COSTS.put("group lookup (GroupQuery)", new String[] {"org.camunda.bpm.engine.impl.GroupQueryImpl"});
    COSTS.put("Spring Security filters", new String[] {"org.springframework.security.web.FilterChainProxy"});
    COSTS.put("Opsflow code, all", new String[] {"io.opsflow."});
    COSTS.put("Jersey (engine REST)", new String[] {"org.glassfish.jersey."});
    COSTS.put("Jackson", new String[] {"com.fasterxml.jackson."});
    COSTS.put("Hibernate / JPA", new String[] {"org.hibernate."});
    COSTS.put("Hikari (connections)", new String[] {"com.zaxxer.hikari."});
    COSTS.put("Spring transactions", new String[] {"org.springframework.transaction."});
    COSTS.put("logging", new String[] {"ch.qos.logback."});
  }

  public static void main(String[] args) throws Exception {
    String prefix = args.length > 1 ? args[1] : "http-nio";
    int total = 0;
    Map<String, Integer> costs = new LinkedHashMap<>();
    Map<String, Integer> ours = new HashMap<>();
    Map<String, Integer> leaves = new HashMap<>();
    Map<String, Integer> all = new HashMap<>();
    for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
        continue;
      }
      String thread = event.getThread("sampledThread") == null ? "" : event.getThread("sampledThread").getJavaName();
      if (thread == null || !thread.startsWith(prefix)) {
        continue;
      }
      RecordedStackTrace stack = event.getStackTrace();
      if (stack == null || stack.getFrames().isEmpty()) {
        continue;
      }
      total++;
      List<RecordedFrame> frames = stack.getFrames();
      leaves.merge(name(frames.get(0)), 1, Integer::sum);
      for (Map.Entry<String, String[]> cost : COSTS.entrySet()) {
        if (frames.stream().anyMatch(f -> matches(f, cost.getValue()))) {
          costs.merge(cost.getKey(), 1, Integer::sum);
        }
      }
      Set<String> seen = new HashSet<>();
      for (RecordedFrame frame : frames) {
        String name = name(frame);
        if (seen.add(name)) {
          all.merge(name, 1, Integer::sum);
          if (name.startsWith("io.opsflow.")) {
            ours.merge(name, 1, Integer::sum);
          }
        }
      }
    }
    System.out.printf("%d execution samples of threads %s*%n%nInclusive share by cost (overlapping):%n", total, prefix);
    int samples = total;
    costs.forEach((label, n) -> System.out.printf("  %5.1f %%  %s%n", 100.0 * n / samples, label));
    System.out.println("\nOpsflow methods, inclusive:");
    top(ours, samples, 25);
    System.out.println("\nLeaf methods (self time):");
    top(leaves, samples, 25);
    if (System.getenv("JFR_ALL") != null) {
      System.out.println("\nAll methods, inclusive:");
      all.keySet().removeIf(name -> name.startsWith("jakarta.servlet") || name.startsWith("org.apache.catalina")
          || name.startsWith("org.apache.tomcat") || name.startsWith("org.apache.coyote") || name.startsWith("java.lang.Thread"));
      top(all, samples, Integer.parseInt(System.getenv("JFR_ALL")));
    }
  }

  static boolean matches(RecordedFrame frame, String[] cost) {
    if (frame.getMethod() == null) {
      return false;
    }
    return frame.getMethod().getType().getName().startsWith(cost[0])
        && (cost.length == 1 || frame.getMethod().getName().equals(cost[1]));
  }

  static String name(RecordedFrame frame) {
    return frame.getMethod() == null ? "?" : frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }

  static void top(Map<String, Integer> counts, int total, int n) {
    counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n)
        .forEach(e -> System.out.printf("  %5.1f %%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
  }
}
