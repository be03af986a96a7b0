package dev.threadlint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConfinementTest {

  /** Comments on fields of the corpus that confine every access to one thread. */
  @Test
  void claimsAboutEveryAccess() {
    for (String comment :
        new String[] {
          " This is only ever accessed on the channel's event loop, so it doesn't need to be volatile",
          " the queue is only accessed from the event loop",
          " This variable is accessed only from runOnEventLoop, it doesn't need to be thread-safe",
          " Only read or write in the connection.eventLoop()",
          " The following variables are only accessed by the sender thread, so we don't need to protect them",
          " Only accessed from callExecutor",
          " confined to the I/O thread",
          " Only used\n   * on the event-loop thread",
        }) {
      assertTrue(Confinement.claimsConfinement(comment), comment);
    }
  }

  /** Comments that confine the writes only, or say something else. */
  @Test
  void otherClaims() {
    for (String comment :
        new String[] {
          " This is read concurrently, but only mutated on adminExecutor (by methods in SingleThreaded)",
          " These 4 fields are read concurrently, but only mutated on NodeStateManager's admin thread",
          " only updated from adminExecutor",
          " no need for volatile because only mutated in IO thread",
          " Only set executingThread to null if no other thread did update it yet",
          " ChannelHandlerContext.isRemoved is only meant to be called from within the EventLoop",
          " Used by the event loop. Only accessed through the lock",
          " the number of threads",
        }) {
      assertFalse(Confinement.claimsConfinement(comment), comment);
    }
  }

  @Test
  void commentsAboveAndAfterTheDeclaration() {
    String text =
        String.join(
            "\n",
            "class A {",
            "  private int other; // about other",
            "",
            "  // first line",
            "  /* a block",
            "   * comment */",
            "  @Nullable",
            "  private Object field; // after",
            "  int next;",
            "}");
    int start = text.indexOf("@Nullable");
    int end = text.indexOf("field;") + "field;".length();
    assertEquals("first line a block comment after", normalized(Confinement.commentsAround(text, start, end)));
  }

  @Test
  void aBlankLineOrCodeAboveEndsTheComments() {
    String text = String.join("\n", "class A {", "  // about the class", "", "  int field;", "  int next;", "}");
    int start = text.indexOf("int field");
    assertEquals("", Confinement.commentsAround(text, start, start + "int field;".length()));
    int nextStart = text.indexOf("int next");
    assertEquals("", Confinement.commentsAround(text, nextStart, nextStart + "int next;".length()));
  }

  @Test
  void aSecondDeclarationOnALineHasNoCommentAbove() {
    String text = String.join("\n", "class A {", "  // about a", "  int a; int b;", "}");
    int start = text.indexOf("int b");
    assertEquals("", Confinement.commentsAround(text, start, start + "int b;".length()));
  }

  private static String normalized(String comments) {
    return comments.replaceAll("\\s+", " ").strip();
  }
}
