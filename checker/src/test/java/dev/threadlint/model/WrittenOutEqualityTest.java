package dev.threadlint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.sun.source.tree.Tree;
import com.sun.source.tree.TreeVisitor;
import dev.threadlint.model.ConcurrentTask.Region;
import dev.threadlint.model.ThreadContext.Kind;
import dev.threadlint.model.ThreadModel.LockMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The records whose {@code equals} and {@code hashCode} are written out (to spare a fresh javac
 * the bootstrap of generated ones) keep a record's meaning: equal components, equal records.
 */
class WrittenOutEqualityTest {
  private static Tree tree() {
    return new Tree() {
      @Override
      public Kind getKind() {
        return Kind.BLOCK;
      }

      @Override
      public <R, D> R accept(TreeVisitor<R, D> visitor, D data) {
        return null;
      }
    };
  }

  private static ConcurrentTask task(Tree root, String reason) {
    return new ConcurrentTask(
        root, Kind.WORKER, reason, 12, null, -1, null, null, null, false, null, null, List.of());
  }

  @Test
  void lockIdsWithTheSameComponentsAreEqual() {
    LockId a = new LockId(LockId.Kind.FIELD, null, LockMode.READ, "rw (read)", true);
    LockId b = new LockId(LockId.Kind.FIELD, null, LockMode.READ, "rw (read)", true);
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
  }

  @Test
  void lockIdsDifferByEachComponent() {
    LockId a = new LockId(LockId.Kind.FIELD, null, LockMode.READ, "rw (read)", true);
    assertNotEquals(a, new LockId(LockId.Kind.STATIC_FIELD, null, LockMode.READ, "rw (read)", true));
    assertNotEquals(a, new LockId(LockId.Kind.FIELD, null, LockMode.WRITE, "rw (read)", true));
    assertNotEquals(a, new LockId(LockId.Kind.FIELD, null, null, "rw", true));
    assertNotEquals(a, new LockId(LockId.Kind.FIELD, null, LockMode.READ, "other", true));
    assertNotEquals(a, new LockId(LockId.Kind.FIELD, null, LockMode.READ, "rw (read)", false));
    assertEquals(a.withoutMode(), new LockId(LockId.Kind.FIELD, null, null, "rw", true));
  }

  @Test
  void tasksAndRegionsCompareTheirTreesByIdentity() {
    Tree root = tree();
    ConcurrentTask task = task(root, "handed to `pool#submit`");
    assertEquals(task, task(root, "handed to `pool#submit`"));
    assertEquals(task.hashCode(), task(root, "handed to `pool#submit`").hashCode());
    assertNotEquals(task, task(tree(), "handed to `pool#submit`"));
    assertNotEquals(task, task(root, "started as a thread"));

    Tree body = tree();
    assertEquals(new Region(task, body), new Region(task(root, "handed to `pool#submit`"), body));
    assertEquals(new Region(task, body).hashCode(), new Region(task, body).hashCode());
    assertEquals(new Region(null, body), new Region(null, body));
    assertNotEquals(new Region(null, body), new Region(task, body));
    assertNotEquals(new Region(task, body), new Region(task, tree()));
  }
}
