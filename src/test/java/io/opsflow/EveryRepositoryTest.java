package io.opsflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.data.repository.NoRepositoryBean;
import org.springframework.data.repository.Repository;

/**
 * The repositories start lazily (application.yml, {@code bootstrap-mode: lazy}): each is made, its
 * queries parsed and checked against the entities, at its first use, not at start. So that a faulty
 * {@code @Query} still fails the build and not a user's first click, this makes every repository of
 * Opsflow: making one with a query that does not fit the entities fails the context or this test.
 */
@OpsflowSpringTest
class EveryRepositoryTest {

  @Autowired ApplicationContext context;

  @Test
  void everyRepositoryIsMadeWithItsQueriesChecked() {
    Set<String> made = context.getBeansOfType(Repository.class).values().stream()
        .flatMap(repository -> Arrays.stream(repository.getClass().getInterfaces()))
        .map(Class::getName)
        .filter(name -> name.startsWith("io.opsflow."))
        .collect(Collectors.toSet());

    assertThat(made).isNotEmpty().containsExactlyInAnyOrderElementsOf(declaredRepositories());
  }

  private static Set<String> declaredRepositories() {
    var scanner = new ClassPathScanningCandidateComponentProvider(false) {
      @Override
      protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
        // a base interface of repositories (OutboxRepository) is made with each of them
        return definition.getMetadata().isInterface()
            && !definition.getMetadata().hasAnnotation(NoRepositoryBean.class.getName());
      }
    };
    scanner.addIncludeFilter(new AssignableTypeFilter(Repository.class));
    return scanner.findCandidateComponents("io.opsflow").stream()
        .map(BeanDefinition::getBeanClassName)
        .collect(Collectors.toSet());
  }
}
