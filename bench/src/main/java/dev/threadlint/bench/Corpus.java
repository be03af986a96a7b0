package dev.threadlint.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real projects the harness compiles: published sources jars of well-known codebases with
 * heavy concurrency, event loops and async code, plus one Swing application for the UI-thread
 * check. Each entry names the artifact whose {@code sources} jar is compiled, the extra artifacts
 * its sources need on the classpath beyond its own compile dependencies (optional and provided
 * dependencies are not transitive in Maven), and the source files left out, with the reason.
 */
final class Corpus {
  private Corpus() {}

  /**
   * A project of the corpus.
   *
   * @param name short name used in reports and on the command line
   * @param artifact {@code groupId:artifactId:version}; its sources jar is compiled, its
   *     dependencies (not itself) form the classpath
   * @param extraDependencies more {@code groupId:artifactId:version} for the classpath
   * @param excludedFiles file names (not paths) left out of the compilation, besides
   *     {@code module-info.java}, and folders (relative to the sources, ending in {@code /}) whose
   *     files are all left out
   * @param ownJarOnClasspath whether the project's own jar stays on the classpath, to provide the
   *     classes of excluded files (the compiled sources take precedence over it for all others)
   * @param processors artifact ids of classpath jars that are the annotation processors its
   *     sources need (Lombok); they run in every configuration, plain javac included
   * @param errorProneFlags more {@code -Xep} flags for every configuration with Error Prone, to
   *     turn off one of Error Prone's own checks that fails on the project (with the reason)
   */
  record Project(
      String name,
      String artifact,
      List<String> extraDependencies,
      List<String> excludedFiles,
      boolean ownJarOnClasspath,
      List<String> processors,
      List<String> errorProneFlags) {
    Project(String name, String artifact, List<String> extraDependencies, List<String> excludedFiles) {
      this(name, artifact, extraDependencies, excludedFiles, false);
    }

    Project(
        String name, String artifact, List<String> extraDependencies, List<String> excludedFiles, boolean ownJarOnClasspath) {
      this(name, artifact, extraDependencies, excludedFiles, ownJarOnClasspath, List.of(), List.of());
    }

    /** This project, compiled with the annotation processors of these classpath jars. */
    Project withProcessors(String... artifactIds) {
      return new Project(
          name, artifact, extraDependencies, excludedFiles, ownJarOnClasspath, List.of(artifactIds), errorProneFlags);
    }

    /** This project, compiled with these Error Prone flags too. */
    Project withErrorProneFlags(String... flags) {
      return new Project(
          name, artifact, extraDependencies, excludedFiles, ownJarOnClasspath, processors, List.of(flags));
    }

    /** The jars of {@link #processors} among {@code classpath}. */
    List<Path> processorPath(List<Path> classpath) {
      List<Path> jars = new ArrayList<>();
      for (String processor : processors) {
        Path jar =
            classpath.stream()
                .filter(entry -> entry.getFileName().toString().startsWith(processor + "-"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(name + ": processor " + processor + " is not on its classpath"));
        jars.add(jar);
      }
      return jars;
    }

    String groupId() {
      return artifact.split(":")[0];
    }

    String artifactId() {
      return artifact.split(":")[1];
    }

    String version() {
      return artifact.split(":")[2];
    }
  }

  private static final String NETTY = "4.1.118.Final";

  /** The whole corpus, in the order the full run compiles it. */
  static final List<Project> PROJECTS =
      List.of(
          new Project(
              "guava",
              "com.google.guava:guava:33.3.1-jre",
              List.of(),
              List.of()),
          new Project(
              "netty-common",
              "io.netty:netty-common:" + NETTY,
              List.of(
                  // GraalVM substitutions (io/netty/util/internal/svm), OSGi export annotations,
                  // the optional logging back-ends and BlockHound integration.
                  "org.graalvm.nativeimage:svm:19.3.6",
                  "org.osgi:osgi.annotation:8.1.0",
                  "org.jetbrains:annotations-java5:23.0.0",
                  "org.slf4j:slf4j-api:1.7.30",
                  "commons-logging:commons-logging:1.2",
                  "log4j:log4j:1.2.17",
                  "org.apache.logging.log4j:log4j-api:2.17.2",
                  "io.projectreactor.tools:blockhound:1.0.6.RELEASE"),
              List.of()),
          new Project(
              "netty-transport",
              "io.netty:netty-transport:" + NETTY,
              List.of(),
              List.of()),
          new Project(
              "netty-codec-http",
              "io.netty:netty-codec-http:" + NETTY,
              List.of(
                  // Optional compression and marshalling codecs the HTTP codec wires in.
                  "com.jcraft:jzlib:1.1.3",
                  "com.aayushatharva.brotli4j:brotli4j:1.16.0",
                  "com.github.luben:zstd-jni:1.5.6-3",
                  "com.ning:compress-lzf:1.0.3",
                  "com.google.protobuf:protobuf-java:2.6.1",
                  "com.google.protobuf.nano:protobuf-javanano:3.0.0-alpha-5",
                  "org.jboss.marshalling:jboss-marshalling:2.0.5.Final",
                  "com.github.jponge:lzma-java:1.3",
                  "org.lz4:lz4-java:1.8.0"),
              List.of()),
          new Project(
              "vertx-core",
              "io.vertx:vertx-core:4.5.10",
              List.of(
                  "io.netty:netty-codec-haproxy:4.1.111.Final",
                  "io.netty:netty-transport-classes-epoll:4.1.111.Final",
                  "io.netty:netty-transport-classes-kqueue:4.1.111.Final",
                  "com.fasterxml.jackson.core:jackson-databind:2.16.1",
                  "org.apache.logging.log4j:log4j-api:2.17.1",
                  "org.slf4j:slf4j-api:2.0.7",
                  "io.vertx:vertx-codegen:4.5.10",
                  "io.vertx:vertx-docgen:0.9.4"),
              List.of()),
          new Project(
              "reactor-core",
              "io.projectreactor:reactor-core:3.6.11",
              List.of(
                  "io.micrometer:micrometer-core:1.12.11",
                  "io.projectreactor.tools:blockhound:1.0.9.RELEASE",
                  "com.google.code.findbugs:jsr305:3.0.2",
                  "io.micrometer:context-propagation:1.1.2",
                  "org.jetbrains.kotlin:kotlin-stdlib:1.9.25",
                  "org.slf4j:slf4j-api:1.7.36"),
              // Its JDK 8 variant (sun.misc.JavaLangAccess, gone since JDK 9); the JDK 9+ one is in
              // the jar under META-INF/versions/9 but not in the sources jar, so the class comes
              // from reactor-core's own (multi-release) jar.
              List.of("CallSiteSupplierFactory.java"),
              true),
          new Project(
              "lettuce-core",
              "io.lettuce:lettuce-core:6.4.0.RELEASE",
              List.of(
                  // Optional: metrics and tracing back-ends, connection pooling, Kotlin
                  // coroutine API, native transports.
                  "io.micrometer:micrometer-core:1.12.4",
                  "io.micrometer:micrometer-tracing:1.2.4",
                  "io.zipkin.brave:brave:5.16.0",
                  "io.zipkin.brave:brave-instrumentation-http:5.16.0",
                  "org.apache.commons:commons-pool2:2.12.0",
                  "org.hdrhistogram:HdrHistogram:2.1.12",
                  "org.latencyutils:LatencyUtils:2.0.3",
                  "org.jetbrains.kotlin:kotlin-stdlib:1.9.23",
                  "org.jetbrains.kotlinx:kotlinx-coroutines-core:1.7.3",
                  "org.jetbrains.kotlinx:kotlinx-coroutines-reactive:1.7.3",
                  "io.netty:netty-transport-native-epoll:4.1.109.Final",
                  "io.netty:netty-transport-native-kqueue:4.1.109.Final",
                  "io.netty.incubator:netty-incubator-transport-native-io_uring:0.0.25.Final",
                  "com.google.code.findbugs:jsr305:3.0.2",
                  // The reactive type adapters of its command interfaces (RxJava 1, 2, 3), CDI
                  // integration, the DNS resolver.
                  "io.reactivex:rxjava:1.3.8",
                  "io.reactivex:rxjava-reactive-streams:1.2.1",
                  "io.reactivex.rxjava2:rxjava:2.2.21",
                  "io.reactivex.rxjava3:rxjava:3.1.8",
                  "javax.enterprise:cdi-api:2.0",
                  "io.netty:netty-resolver-dns:4.1.109.Final"),
              List.of()),
          new Project(
              "vertx-web",
              "io.vertx:vertx-web:4.5.10",
              List.of(
                  "io.vertx:vertx-codegen:4.5.10",
                  "io.vertx:vertx-docgen:0.9.4",
                  "com.fasterxml.jackson.core:jackson-databind:2.16.1",
                  // Optional: the auth providers its handlers and examples wire in.
                  "io.vertx:vertx-auth-htdigest:4.5.10",
                  "io.vertx:vertx-auth-jwt:4.5.10",
                  "io.vertx:vertx-auth-oauth2:4.5.10",
                  "io.vertx:vertx-auth-otp:4.5.10",
                  "io.vertx:vertx-auth-webauthn:4.5.10"),
              List.of()),
          new Project(
              "reactor-netty-core",
              "io.projectreactor.netty:reactor-netty-core:1.2.15",
              List.of(
                  // Optional: metrics and tracing, connection pools, the kqueue and io_uring
                  // transports.
                  "io.micrometer:micrometer-core:1.14.14",
                  "io.micrometer:micrometer-tracing:1.4.13",
                  "io.micrometer:context-propagation:1.1.3",
                  "io.projectreactor.addons:reactor-pool:1.1.8",
                  "io.netty:netty-transport-classes-kqueue:4.1.131.Final",
                  "io.netty.incubator:netty-incubator-transport-classes-io_uring:0.0.26.Final"),
              List.of()),
          new Project(
              "hikaricp",
              "com.zaxxer:HikariCP:6.3.3",
              List.of(
                  // Optional and provided, the versions its pom names: the proxy generator, the
                  // metrics back-ends, the Hibernate connection provider.
                  "org.javassist:javassist:3.29.2-GA",
                  "io.micrometer:micrometer-core:1.5.4",
                  "org.hibernate:hibernate-core:5.4.24.Final",
                  "io.dropwizard.metrics:metrics-core:3.2.5",
                  "io.dropwizard.metrics:metrics-healthchecks:3.2.5",
                  "io.dropwizard.metrics5:metrics-core:5.0.0-rc17",
                  "io.prometheus:simpleclient:0.16.0"),
              List.of()),
          new Project(
              "async-http-client",
              "org.asynchttpclient:async-http-client:3.0.13",
              List.of(
                  // Optional: the native transports (Netty 4.2, as its own dependencies).
                  "io.netty:netty-transport-classes-epoll:4.2.17.Final",
                  "io.netty:netty-transport-classes-kqueue:4.2.17.Final",
                  "io.netty:netty-transport-classes-io_uring:4.2.17.Final"),
              List.of()),
          new Project(
              "vertx-sql-client",
              "io.vertx:vertx-sql-client:4.5.10",
              List.of(
                  // Provided: the Vert.x code generator's annotations.
                  "io.vertx:vertx-codegen:4.5.10",
                  "io.vertx:vertx-docgen:0.9.4"),
              List.of()),
          new Project(
              "vertx-pg-client",
              "io.vertx:vertx-pg-client:4.5.10",
              List.of(
                  // Provided: the code generator's annotations; optional: SCRAM authentication.
                  "io.vertx:vertx-codegen:4.5.10",
                  "io.vertx:vertx-docgen:0.9.4",
                  "com.ongres.scram:client:2.1"),
              List.of()),
          new Project(
              "kafka-clients",
              "org.apache.kafka:kafka-clients:3.9.0",
              List.of(
                  // Provided: Jackson for the generated message classes' JSON converters, the
                  // OpenTelemetry metrics protocol of the client telemetry.
                  "com.fasterxml.jackson.core:jackson-databind:2.16.2",
                  "io.opentelemetry.proto:opentelemetry-proto:1.0.0-alpha",
                  // Provided: JWT validation of the OAuth bearer login.
                  "org.bitbucket.b_c:jose4j:0.9.4"),
              List.of()),
          new Project(
              "grpc-core",
              "io.grpc:grpc-core:1.68.1",
              List.of(),
              List.of()),
          new Project(
              "metrics-core",
              "io.dropwizard.metrics:metrics-core:4.2.33",
              List.of(),
              List.of()),
          new Project(
              "undertow-core",
              "io.undertow:undertow-core:2.3.18.Final",
              List.of(
                  // Provided: the logging annotations and the HTTP parser generator's annotations
                  // (its generated parsers are loaded by name at run time; no processor runs here).
                  "org.jboss.logging:jboss-logging-annotations:2.2.1.Final",
                  "io.undertow:undertow-parser-generator:2.3.18.Final"),
              List.of()),
          new Project(
              "jetty-util",
              "org.eclipse.jetty:jetty-util:12.0.16",
              List.of(),
              // javac 25 rejects it (LockedPool.Tracker#noTracker: a local class whose static
              // field creates an instance, "cannot be instantiated from a static context"), javac
              // 17 compiles it; the class comes from jetty-util's own jar on both.
              List.of("LockedPool.java"),
              true),
          new Project(
              "httpcore5",
              "org.apache.httpcomponents.core5:httpcore5:5.3.1",
              List.of(),
              List.of()),
          new Project(
              "spring-context",
              "org.springframework:spring-context:6.2.1",
              List.of(
                  // Optional: bean validation, CRaC, JSR 354 money, the Groovy and BeanShell
                  // scripting, reactive and Jakarta EE integrations, AspectJ, Micrometer.
                  "jakarta.validation:jakarta.validation-api:3.0.2",
                  "org.hibernate.validator:hibernate-validator:8.0.1.Final",
                  "org.crac:crac:1.4.0",
                  "javax.money:money-api:1.1",
                  "org.apache.groovy:groovy:4.0.24",
                  "org.apache-extras.beanshell:bsh:2.0b6",
                  "io.projectreactor:reactor-core:3.7.1",
                  "jakarta.enterprise.concurrent:jakarta.enterprise.concurrent-api:3.0.0",
                  "jakarta.ejb:jakarta.ejb-api:4.0.1",
                  "jakarta.annotation:jakarta.annotation-api:2.1.1",
                  "com.google.code.findbugs:jsr305:3.0.2",
                  "org.aspectj:aspectjweaver:1.9.22.1",
                  "io.micrometer:micrometer-observation:1.14.2",
                  "io.micrometer:context-propagation:1.1.2",
                  "org.springframework:spring-instrument:6.2.1",
                  "javax.annotation:javax.annotation-api:1.3.2"),
              List.of()),
          new Project(
              "r2dbc-postgresql",
              "org.postgresql:r2dbc-postgresql:1.0.7.RELEASE",
              List.of(
                  // Provided: nullness annotations and the geometry codecs' JTS types.
                  "com.google.code.findbugs:jsr305:3.0.2",
                  "org.locationtech.jts:jts-core:1.19.0"),
              List.of()),
          new Project(
              "mongodb-reactivestreams",
              "org.mongodb:mongodb-driver-reactivestreams:5.2.1",
              List.of(
                  // Runtime scope in its pom but imported: Reactor; optional: client-side encryption.
                  "io.projectreactor:reactor-core:3.5.0",
                  "org.mongodb:mongodb-crypt:5.2.1",
                  "org.jetbrains:annotations:24.1.0"),
              List.of()),
          new Project(
              "httpclient5",
              "org.apache.httpcomponents.client5:httpclient5:5.4.1",
              List.of(
                  // Optional: the Conscrypt TLS provider and the Brotli decoder.
                  "org.conscrypt:conscrypt-openjdk-uber:2.5.2",
                  "org.brotli:dec:0.1.2"),
              List.of()),
          new Project(
              "spring-webflux",
              "org.springframework:spring-webflux:6.2.1",
              List.of(
                  // Optional: the servers and WebSocket clients it adapts (Reactor Netty 1 and 5, Undertow, Tomcat, Jetty, JSR 356), view templates, validation, Kotlin.
                  "org.springframework:spring-context:6.2.1",
                  "io.projectreactor.netty:reactor-netty-http:1.2.1",
                  "io.undertow:undertow-core:2.3.18.Final",
                  "org.apache.tomcat.embed:tomcat-embed-core:10.1.34",
                  "org.eclipse.jetty.websocket:jetty-websocket-jetty-api:12.0.16",
                  "org.eclipse.jetty:jetty-server:12.0.16",
                  "org.eclipse.jetty.websocket:jetty-websocket-jetty-client:12.0.16",
                  "org.eclipse.jetty.websocket:jetty-websocket-jetty-server:12.0.16",
                  "jakarta.websocket:jakarta.websocket-api:2.1.1",
                  "jakarta.websocket:jakarta.websocket-client-api:2.1.1",
                  "jakarta.servlet:jakarta.servlet-api:6.0.0",
                  "jakarta.validation:jakarta.validation-api:3.0.2",
                  "org.freemarker:freemarker:2.3.33",
                  "org.webjars:webjars-locator-lite:1.0.1",
                  "org.webjars:webjars-locator-core:0.59",
                  "org.springframework:spring-context-support:6.2.1",
                  "org.apache.tomcat.embed:tomcat-embed-websocket:10.1.34",
                  "org.eclipse.jetty.ee10.websocket:jetty-ee10-websocket-jetty-server:12.0.16",
                  "org.jetbrains.kotlin:kotlin-stdlib:1.9.25",
                  "org.jetbrains.kotlin:kotlin-reflect:1.9.25",
                  "org.jetbrains.kotlinx:kotlinx-coroutines-core:1.8.1",
                  "org.jetbrains.kotlinx:kotlinx-coroutines-reactor:1.8.1",
                  "io.netty:netty5-codec-http:5.0.0.Alpha5",
                  "com.google.code.findbugs:jsr305:3.0.2"),
              // The Reactor Netty 2 adapters: reactor-netty5 (a milestone) is not served here; the
              // classes come from spring-webflux's own jar.
              List.of(
                  "ReactorNetty2RequestUpgradeStrategy.java",
                  "ReactorNetty2WebSocketClient.java",
                  "Netty5WebSocketSessionSupport.java",
                  "ReactorNetty2WebSocketSession.java"),
              true),
          new Project(
              "vertx-redis-client",
              "io.vertx:vertx-redis-client:4.5.10",
              List.of("io.vertx:vertx-codegen:4.5.10", "io.vertx:vertx-docgen:0.9.4"),
              List.of()),
          new Project(
              "vertx-mqtt",
              "io.vertx:vertx-mqtt:4.5.10",
              List.of("io.vertx:vertx-codegen:4.5.10", "io.vertx:vertx-docgen:0.9.4"),
              List.of()),
          new Project(
              "curator-framework",
              "org.apache.curator:curator-framework:5.7.1",
              List.of(
                  // Provided: JSON for the service-discovery payloads.
                  "com.fasterxml.jackson.core:jackson-databind:2.16.1"),
              List.of()),
          new Project(
              "commons-pool2",
              "org.apache.commons:commons-pool2:2.12.0",
              List.of(
                  // Optional: the proxy factories of its proxied pools.
                  "cglib:cglib:3.3.0",
                  "org.ow2.asm:asm-util:9.5"),
              List.of()),
          new Project(
              "reactor-netty-http",
              "io.projectreactor.netty:reactor-netty-http:1.2.15",
              List.of(
                  // Optional: metrics and tracing, PROXY protocol, HTTP/3.
                  "io.micrometer:micrometer-core:1.14.14",
                  "io.micrometer:micrometer-tracing:1.4.13",
                  "io.micrometer:context-propagation:1.1.3",
                  "io.netty:netty-codec-haproxy:4.1.131.Final",
                  "io.netty.incubator:netty-incubator-codec-http3:0.0.28.Final",
                  "com.google.code.findbugs:jsr305:3.0.2"),
              List.of()),
          new Project(
              "netty-handler",
              "io.netty:netty-handler:" + NETTY,
              List.of(
                  // Optional: the OpenSSL, BouncyCastle, Conscrypt and Jetty ALPN/NPN TLS back-ends.
                  "io.netty:netty-tcnative-classes:2.0.70.Final",
                  "org.bouncycastle:bcpkix-jdk15on:1.69",
                  "org.bouncycastle:bctls-jdk15on:1.69",
                  "org.eclipse.jetty.npn:npn-api:1.1.1.v20141010",
                  "org.eclipse.jetty.alpn:alpn-api:1.1.3.v20160715",
                  "org.conscrypt:conscrypt-openjdk-uber:2.5.2"),
              // It imports sun.security.x509, which javac hides without --add-exports (Netty's own
              // build adds it); the class comes from netty-handler's own jar.
              List.of("OpenJdkSelfSignedCertGenerator.java"),
              true),
          new Project(
              "zookeeper",
              "org.apache.zookeeper:zookeeper:3.9.3",
              List.of(
                  // Provided: the admin server (Jetty 9), the CLI, metrics, snappy, SpotBugs annotations.
                  "com.github.spotbugs:spotbugs-annotations:4.8.6",
                  "commons-cli:commons-cli:1.5.0",
                  "org.eclipse.jetty:jetty-server:9.4.56.v20240826",
                  "org.eclipse.jetty:jetty-servlet:9.4.56.v20240826",
                  "org.eclipse.jetty:jetty-client:9.4.56.v20240826",
                  "com.fasterxml.jackson.core:jackson-databind:2.16.1",
                  "jline:jline:2.14.6",
                  "io.dropwizard.metrics:metrics-core:4.2.33",
                  "org.xerial.snappy:snappy-java:1.1.10.5",
                  "javax.annotation:javax.annotation-api:1.3.2"),
              List.of()),
          new Project(
              "azure-core",
              "com.azure:azure-core:1.54.1",
              List.of(),
              List.of()),
          new Project(
              "aws-netty-nio-client",
              "software.amazon.awssdk:netty-nio-client:2.29.0",
              List.of(),
              List.of()),
          new Project(
              "aws-sdk-core",
              "software.amazon.awssdk:sdk-core:2.29.0",
              List.of(),
              // The sources jar has a second copy of this generated class at its root; the class
              // comes from the project's jar.
              List.of("VersionInfo.java"),
              true),
          new Project(
                  "pulsar-client",
                  "org.apache.pulsar:pulsar-client-original:4.2.4",
                  List.of(
                      // Provided: its sources are written with Lombok, and use protobuf, Joda-Time,
                      // SpotBugs' annotations and the Bouncy Castle message crypto at compile time.
                      "org.projectlombok:lombok:1.18.48",
                      "com.google.protobuf:protobuf-java:3.25.5",
                      "joda-time:joda-time:2.10.10",
                      "com.github.spotbugs:spotbugs-annotations:4.9.6",
                      "org.apache.pulsar:pulsar-client-messagecrypto-bc:4.2.4"),
                  List.of())
              .withProcessors("lombok")
              // Error Prone 2.42's StringConcatToTextBlock throws NoSuchElementException on the
              // string literals of the null checks Lombok's @NonNull generates (configurations d, e).
              .withErrorProneFlags("-Xep:StringConcatToTextBlock:OFF"),
          new Project(
              "resilience4j-circuitbreaker",
              "io.github.resilience4j:resilience4j-circuitbreaker:2.4.0",
              List.of(),
              List.of()),
          new Project(
              "resilience4j-bulkhead",
              "io.github.resilience4j:resilience4j-bulkhead:2.4.0",
              List.of("com.google.code.findbugs:jsr305:3.0.2"), // provided: @Immutable, @ThreadSafe
              List.of()),
          new Project(
              "cassandra-driver-core",
              "com.datastax.oss:java-driver-core:4.17.0",
              List.of(
                  // Optional: the graph API (TinkerPop), geometry types (ESRI), compression (LZ4,
                  // Snappy), GraalVM native-image substitutions and the BlockHound integration.
                  "org.apache.tinkerpop:gremlin-core:3.5.6",
                  "org.apache.tinkerpop:tinkergraph-gremlin:3.5.6",
                  "com.esri.geometry:esri-geometry-api:1.2.1",
                  "org.lz4:lz4-java:1.7.1",
                  "org.xerial.snappy:snappy-java:1.1.10.1",
                  "org.graalvm.nativeimage:svm:19.3.6",
                  "io.projectreactor.tools:blockhound:1.0.6.RELEASE"),
              List.of()),
          new Project(
              "disruptor",
              "com.lmax:disruptor:4.0.0",
              List.of(),
              List.of()),
          new Project(
              "quartz",
              "org.quartz-scheduler:quartz:2.5.2",
              List.of(
                  // Provided and runtime-scoped at compile time: JTA, servlets, the c3p0 and
                  // HikariCP pools, SLF4J, JAXB.
                  "jakarta.transaction:jakarta.transaction-api:2.0.1",
                  "jakarta.servlet:jakarta.servlet-api:6.0.0",
                  "com.mchange:c3p0:0.10.1",
                  "com.zaxxer:HikariCP:5.0.1",
                  "org.slf4j:slf4j-api:2.0.16",
                  "jakarta.xml.bind:jakarta.xml.bind-api:4.0.4"),
              // Integrations with WebLogic, Oracle's JDBC driver, JBoss and CommonJ, whose jars are
              // not on Maven Central; their classes come from the project's jar.
              List.of(
                  "WebLogicDelegate.java",
                  "WebLogicOracleDelegate.java",
                  "OracleDelegate.java",
                  "WorkManagerThreadExecutor.java",
                  "QuartzServiceMBean.java",
                  "JBoss4RMIRemoteMBeanScheduler.java",
                  "QuartzService.java",
                  "WeblogicConnectionProvider.java"),
              true),
          new Project(
              "agrona",
              "org.agrona:agrona:2.6.0",
              List.of(),
              List.of()),
          new Project(
              "logback-core",
              "ch.qos.logback:logback-core:1.5.18",
              List.of(
                  // Optional: Janino (conditional configuration), Jakarta Mail (SMTP appender),
                  // servlets, XZ compression.
                  "org.codehaus.janino:janino:3.1.8",
                  "org.codehaus.janino:commons-compiler:3.1.8",
                  "jakarta.mail:jakarta.mail-api:2.1.0",
                  "jakarta.servlet:jakarta.servlet-api:5.0.0",
                  "org.tukaani:xz:1.10"),
              List.of()),
          new Project(
              "jedis",
              "redis.clients:jedis:7.5.3",
              List.of(
                  // Optional: the multi-database failover client's circuit breaker and retries.
                  "io.github.resilience4j:resilience4j-all:1.7.1"),
              List.of()),
          new Project(
              "vertx-kafka-client",
              "io.vertx:vertx-kafka-client:4.5.10",
              List.of("io.vertx:vertx-codegen:4.5.10", "io.vertx:vertx-docgen:0.9.4"),
              List.of()),
          new Project(
              "vertx-mail-client",
              "io.vertx:vertx-mail-client:4.5.10",
              List.of("io.vertx:vertx-codegen:4.5.10", "io.vertx:vertx-docgen:0.9.4"),
              List.of()),
          new Project(
              "vertx-jdbc-client",
              "io.vertx:vertx-jdbc-client:4.5.10",
              List.of(
                  "io.vertx:vertx-codegen:4.5.10",
                  "io.vertx:vertx-docgen:0.9.4",
                  // Optional: the Agroal and HikariCP pools its data source providers wrap.
                  "io.agroal:agroal-api:1.16",
                  "io.agroal:agroal-pool:1.16",
                  "com.zaxxer:HikariCP:4.0.3"),
              List.of()),
          new Project(
              "amqp-client",
              "com.rabbitmq:amqp-client:5.29.0",
              List.of(
                  // Optional: the metrics collectors (Dropwizard, Micrometer, OpenTelemetry) and
                  // the JSON-RPC mapper (Jackson), at the versions its POM names.
                  "io.dropwizard.metrics:metrics-core:4.2.38",
                  "io.micrometer:micrometer-core:1.16.3",
                  "io.opentelemetry:opentelemetry-api:1.59.0",
                  "com.fasterxml.jackson.core:jackson-databind:2.21.1"),
              List.of()),
          new Project(
              "grpc-netty",
              "io.grpc:grpc-netty:1.84.0",
              List.of(),
              List.of()),
          new Project(
              "vertx-circuit-breaker",
              "io.vertx:vertx-circuit-breaker:5.0.7",
              List.of(
                  "io.vertx:vertx-codegen:5.0.7",
                  "org.hdrhistogram:HdrHistogram:2.2.2"), // optional: the circuit breaker's metrics
              List.of()),
          new Project(
              "netty-codec-http2",
              "io.netty:netty-codec-http2:4.2.10.Final",
              List.of(
                  // Optional: the Brotli and Zstandard compressors, at netty-parent's versions.
                  "com.aayushatharva.brotli4j:brotli4j:1.16.0",
                  "com.github.luben:zstd-jni:1.5.6-5"),
              List.of()),
          new Project(
              "netty-resolver-dns",
              "io.netty:netty-resolver-dns:4.2.10.Final",
              List.of(),
              List.of()),
          new Project(
              "vertx-rabbitmq-client",
              "io.vertx:vertx-rabbitmq-client:5.0.7",
              List.of("io.vertx:vertx-codegen:5.0.7"),
              List.of()),
          new Project(
              "vertx-web-client",
              "io.vertx:vertx-web-client:5.0.7",
              List.of(
                  "io.vertx:vertx-codegen:5.0.7",
                  "io.vertx:vertx-auth-oauth2:5.0.7"), // optional: the OAuth2-aware client
              List.of()),
          new Project(
              "jetty-server",
              "org.eclipse.jetty:jetty-server:12.1.3",
              List.of("org.eclipse.jetty:jetty-jmx:12.1.3"), // optional: the MBeans
              List.of()),
          new Project(
              "tomcat-embed-core",
              "org.apache.tomcat.embed:tomcat-embed-core:11.0.13",
              List.of(
                  // Optional, and not in the embedded jar's POM: the Jakarta EE APIs its resource
                  // injection and JNDI factories use, bnd's service annotations, and the
                  // javax-to-jakarta migration tool its class loader can run.
                  "jakarta.ejb:jakarta.ejb-api:4.0.1",
                  "jakarta.persistence:jakarta.persistence-api:3.1.0",
                  "jakarta.mail:jakarta.mail-api:2.1.3",
                  "jakarta.xml.ws:jakarta.xml.ws-api:4.0.2",
                  "biz.aQute.bnd:biz.aQute.bnd.annotation:6.4.0",
                  "org.apache.tomcat:jakartaee-migration:1.0.9"),
              // The OpenSSL binding through the FFM API needs Java 22; Tomcat loads it by name.
              List.of("org/apache/tomcat/util/openssl/", "org/apache/tomcat/util/net/openssl/panama/")),
          new Project(
              "reactor-pool",
              "io.projectreactor.addons:reactor-pool:1.1.9",
              List.of(),
              List.of()),
          new Project(
              "vertx-mysql-client",
              "io.vertx:vertx-mysql-client:5.0.7",
              List.of("io.vertx:vertx-codegen:5.0.7"),
              List.of()),
          new Project(
              "artemis-core-client",
              "org.apache.activemq:artemis-core-client:2.38.0",
              // Provided: the annotations of its logger interfaces (the sources jar holds the
              // implementations the processor generated).
              List.of("org.apache.activemq:artemis-log-annotation-processor:2.38.0"),
              List.of()),
          new Project(
              "mina-core",
              "org.apache.mina:mina-core:2.2.4",
              List.of(),
              List.of()),
          // Desktop code, for the UI-thread check: a Swing text editor component, Batik's Swing
          // SVG canvas, and two JavaFX control libraries (whose POMs leave JavaFX to the user).
          new Project(
              "rsyntaxtextarea",
              "com.fifesoft:rsyntaxtextarea:3.5.2",
              List.of(),
              List.of()),
          new Project(
              "batik-swing",
              "org.apache.xmlgraphics:batik-swing:1.19",
              List.of(),
              List.of()),
          new Project(
              "controlsfx",
              "org.controlsfx:controlsfx:11.2.1",
              List.of(
                  "org.openjfx:javafx-controls:21.0.11",
                  "org.openjfx:javafx-fxml:21.0.11",
                  "org.openjfx:javafx-web:21.0.11",
                  "org.openjfx:javafx-swing:21.0.11",
                  "org.openjfx:javafx-media:21.0.11"),
              List.of()),
          new Project(
              "richtextfx",
              "org.fxmisc.richtext:richtextfx:0.11.3",
              List.of("org.openjfx:javafx-controls:21.0.11", "org.openjfx:javafx-fxml:21.0.11"),
              List.of()),
          new Project(
              "rxjava",
              "io.reactivex.rxjava3:rxjava:3.1.9",
              List.of(),
              List.of()),
          new Project(
              "caffeine",
              "com.github.ben-manes.caffeine:caffeine:3.1.8",
              List.of(),
              List.of()),
          new Project(
              "jfreechart",
              "org.jfree:jfreechart:1.5.5",
              List.of("javax.servlet:servlet-api:2.5"), // provided: the org.jfree.chart.servlet package
              List.of()));

  /** The project the quick mode compiles: event-loop code with known findings. */
  static final String QUICK_PROJECT = "vertx-core";

  static Project named(String name) {
    return PROJECTS.stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no project named " + name + " in the corpus"));
  }
}
