package dev.threadlint.eventloop;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * {@link BlockingCallInEventLoop}: the file, network and JDBC APIs of the knowledge base, called
 * from a Vert.x timer callback (a known event loop), and their look-alikes that do not block.
 */
class BlockingCallInEventLoopIoApisTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(BlockingCallInEventLoop.class, getClass());

  /** {@link EventLoopTestSources#inTimerCallback} with this class's helper. */
  private CompilationTestHelper inTimerCallback(String params, String... statements) {
    return EventLoopTestSources.inTimerCallback(helper, params, statements);
  }

  // --- Files ------------------------------------------------------------------------------------

  @Test
  void newFileInputStream() {
    inTimerCallback(
            "",
            "// BUG: Diagnostic contains: `new FileInputStream()` opens a file",
            "new java.io.FileInputStream(\"data.bin\").close();")
        .doTest();
  }

  @Test
  void newFileReader() {
    inTimerCallback(
            "",
            "// BUG: Diagnostic contains: `new FileReader()` opens a file",
            "new java.io.FileReader(\"data.txt\").close();")
        .doTest();
  }

  @Test
  void newRandomAccessFile() {
    inTimerCallback(
            "",
            "// BUG: Diagnostic contains: `new RandomAccessFile()` opens a file",
            "new java.io.RandomAccessFile(\"data.bin\", \"r\").close();")
        .doTest();
  }

  @Test
  void filesReadAllBytes() {
    inTimerCallback(
            "java.nio.file.Path path",
            "// BUG: Diagnostic contains: `Files.readAllBytes()` reads a file",
            "java.nio.file.Files.readAllBytes(path);")
        .doTest();
  }

  @Test
  void filesLines() {
    inTimerCallback(
            "java.nio.file.Path path",
            "// BUG: Diagnostic contains: `Files.lines()` reads a file",
            "java.nio.file.Files.lines(path).count();")
        .doTest();
  }

  @Test
  void filesWrite() {
    inTimerCallback(
            "java.nio.file.Path path",
            "// BUG: Diagnostic contains: `Files.write()` writes a file",
            "java.nio.file.Files.write(path, new byte[0]);")
        .doTest();
  }

  @Test
  void filesCopy() {
    inTimerCallback(
            "java.nio.file.Path from, java.nio.file.Path to",
            "// BUG: Diagnostic contains: `Files.copy()` copies a file",
            "java.nio.file.Files.copy(from, to);")
        .doTest();
  }

  @Test
  void filesExistsIsNotReported() {
    inTimerCallback("java.nio.file.Path path", "java.nio.file.Files.exists(path);").doTest();
  }

  @Test
  void newFileOutputStream() {
    inTimerCallback(
            "",
            "// BUG: Diagnostic contains: `new FileOutputStream()` opens a file",
            "new java.io.FileOutputStream(\"out.bin\").close();")
        .doTest();
  }

  @Test
  void fileDelete() {
    inTimerCallback(
            "java.io.File file",
            "// BUG: Diagnostic contains: `File.delete()` deletes a file",
            "file.delete();")
        .doTest();
  }

  @Test
  void vertxFileSystemBlockingVariant() {
    inTimerCallback(
            "",
            "// BUG: Diagnostic contains: `FileSystem.readFileBlocking()` does file I/O on the calling thread",
            "vertx.fileSystem().readFileBlocking(\"config.json\");")
        .doTest();
  }

  @Test
  void vertxFileSystemAsynchronousVariantDoesNotBlock() {
    inTimerCallback("", "vertx.fileSystem().readFile(\"config.json\");").doTest();
  }

  @Test
  void fileChannelOpen() {
    inTimerCallback(
            "java.nio.file.Path path",
            "// BUG: Diagnostic contains: `FileChannel.open()` opens a file",
            "java.nio.channels.FileChannel.open(path).close();")
        .doTest();
  }

  @Test
  void fileChannelRead() {
    inTimerCallback(
            "java.nio.channels.FileChannel channel, java.nio.ByteBuffer buffer",
            "// BUG: Diagnostic contains: `FileChannel.read()` reads a file",
            "channel.read(buffer);")
        .doTest();
  }

  // --- Network ----------------------------------------------------------------------------------

  @Test
  void socketConnect() {
    inTimerCallback(
            "java.net.Socket socket, java.net.SocketAddress address",
            "// BUG: Diagnostic contains: `Socket.connect()` connects a socket",
            "socket.connect(address);")
        .doTest();
  }

  @Test
  void newSocketWithHostAndPortConnects() {
    inTimerCallback(
            "",
            "// BUG: Diagnostic contains: `new Socket()` connects a socket",
            "new java.net.Socket(\"example.org\", 80).close();")
        .doTest();
  }

  @Test
  void newUnconnectedSocketDoesNotBlock() {
    inTimerCallback("", "new java.net.Socket().close();").doTest();
  }

  @Test
  void newSocketThroughAProxyDoesNotConnect() {
    inTimerCallback("", "new java.net.Socket(java.net.Proxy.NO_PROXY).close();").doTest();
  }

  @Test
  void serverSocketAccept() {
    inTimerCallback(
            "java.net.ServerSocket server",
            "// BUG: Diagnostic contains: `ServerSocket.accept()` waits for a connection",
            "server.accept();")
        .doTest();
  }

  @Test
  void datagramSocketReceive() {
    inTimerCallback(
            "java.net.DatagramSocket socket, java.net.DatagramPacket packet",
            "// BUG: Diagnostic contains: `DatagramSocket.receive()` waits for a datagram",
            "socket.receive(packet);")
        .doTest();
  }

  @Test
  void urlOpenStream() {
    inTimerCallback(
            "java.net.URL url",
            "// BUG: Diagnostic contains: `URL.openStream()` opens a connection to the URL (a network one unless it names a local file or resource)",
            "url.openStream().close();")
        .doTest();
  }

  @Test
  void urlConnectionGetInputStream() {
    inTimerCallback(
            "java.net.URL url",
            "// BUG: Diagnostic contains: `URLConnection.getInputStream()` opens a network connection",
            "url.openConnection().getInputStream().close();")
        .doTest();
  }

  @Test
  void httpUrlConnectionGetResponseCode() {
    inTimerCallback(
            "java.net.HttpURLConnection connection",
            "// BUG: Diagnostic contains: `HttpURLConnection.getResponseCode()` waits for the HTTP response",
            "connection.getResponseCode();")
        .doTest();
  }

  @Test
  void inetAddressGetByName() {
    inTimerCallback(
            "",
            "// BUG: Diagnostic contains: `InetAddress.getByName()` resolves a host name (DNS)",
            "java.net.InetAddress.getByName(\"example.org\");")
        .doTest();
  }

  @Test
  void httpClientSend() {
    inTimerCallback(
            "java.net.http.HttpClient client, java.net.http.HttpRequest request",
            "// BUG: Diagnostic contains: `HttpClient.send()` waits for the HTTP response",
            "client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());")
        .doTest();
  }

  @Test
  void httpClientSendAsyncDoesNotBlock() {
    inTimerCallback(
            "java.net.http.HttpClient client, java.net.http.HttpRequest request",
            "client.sendAsync(request, java.net.http.HttpResponse.BodyHandlers.ofString());")
        .doTest();
  }

  @Test
  void selectorSelect() {
    inTimerCallback(
            "java.nio.channels.Selector selector",
            "// BUG: Diagnostic contains: `Selector.select()` waits for I/O readiness",
            "selector.select();")
        .doTest();
  }

  @Test
  void selectorSelectWithAnActionAndATimeout() {
    inTimerCallback(
            "java.nio.channels.Selector selector",
            "// BUG: Diagnostic contains: `Selector.select()` waits for I/O readiness",
            "selector.select(key -> {}, 1000);")
        .doTest();
  }

  @Test
  void selectorSelectNowDoesNotBlock() {
    inTimerCallback(
            "java.nio.channels.Selector selector",
            "selector.selectNow();",
            "selector.selectNow(key -> {});")
        .doTest();
  }

  // --- JDBC -------------------------------------------------------------------------------------

  @Test
  void driverManagerGetConnection() {
    inTimerCallback(
            "",
            "// BUG: Diagnostic contains: `DriverManager.getConnection()` opens a database connection",
            "java.sql.DriverManager.getConnection(\"jdbc:h2:mem:orders\").close();")
        .doTest();
  }

  @Test
  void statementExecuteQuery() {
    inTimerCallback(
            "java.sql.Statement statement",
            "// BUG: Diagnostic contains: `Statement.executeQuery()` runs a database query",
            "statement.executeQuery(\"select 1\");")
        .doTest();
  }

  @Test
  void preparedStatementExecuteQuery() {
    inTimerCallback(
            "java.sql.PreparedStatement statement",
            "// BUG: Diagnostic contains: `PreparedStatement.executeQuery()` runs a database query",
            "statement.executeQuery();")
        .doTest();
  }

  @Test
  void dataSourceGetConnection() {
    inTimerCallback(
            "javax.sql.DataSource pool",
            "// BUG: Diagnostic contains: `DataSource.getConnection()` waits for a database connection",
            "pool.getConnection().close();")
        .doTest();
  }

  @Test
  void connectionCommit() {
    inTimerCallback(
            "java.sql.Connection connection",
            "// BUG: Diagnostic contains: `Connection.commit()` commits a database transaction",
            "connection.commit();")
        .doTest();
  }

  @Test
  void resultSetNext() {
    inTimerCallback(
            "java.sql.ResultSet rows",
            "// BUG: Diagnostic contains: `ResultSet.next()` fetches database rows",
            "rows.next();")
        .doTest();
  }
}
