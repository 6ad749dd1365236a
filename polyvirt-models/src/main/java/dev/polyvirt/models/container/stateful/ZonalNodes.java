package dev.polyvirt.models.container.stateful;

import java.util.ArrayList;
import java.util.List;

/**
 * The StatefulSet's nodes by zone, one pod per node (pod anti-affinity). Each volume is bound to
 * the zone its pod was first placed in, and a pod is only ever placed on a node of its volume's
 * zone (the PersistentVolume's node affinity on {@code topology.kubernetes.io/zone}).
 */
public final class ZonalNodes {
  private final List<Integer> zoneOfNode = new ArrayList<>();
  private final List<Boolean> up = new ArrayList<>();
  private final List<Integer> podOfNode = new ArrayList<>();
  private final int[] volumeZone;
  private final int[] nodeOfPod;

  /** Creates the layout for {@code replicas} pods spread over {@code zones}: pod i and its volume in zone i mod zones. */
  public ZonalNodes(int replicas, int zones) {
    volumeZone = new int[replicas];
    nodeOfPod = new int[replicas];
    for (int i = 0; i < replicas; i++) {
      volumeZone[i] = i % zones;
      nodeOfPod[i] = -1;
    }
  }

  /** Places pod {@code pod} on a new node in its volume's zone; returns the node's index. */
  public int placeOnNewNode(int pod) {
    int node = zoneOfNode.size();
    zoneOfNode.add(volumeZone[pod]);
    up.add(true);
    podOfNode.add(pod);
    nodeOfPod[pod] = node;
    return node;
  }

  /** Marks {@code node} lost and returns the pod it held (-1 if none). */
  public int lose(int node) {
    up.set(node, false);
    int pod = podOfNode.get(node);
    if (pod >= 0) nodeOfPod[pod] = -1;
    podOfNode.set(node, -1);
    return pod;
  }

  /** Returns the zone of {@code node}. */
  public int zoneOfNode(int node) {
    return zoneOfNode.get(node);
  }

  /** Returns the zone of pod {@code pod}'s volume. */
  public int volumeZone(int pod) {
    return volumeZone[pod];
  }

  /** Returns the node pod {@code pod} runs on, or -1 while it has none. */
  public int nodeOfPod(int pod) {
    return nodeOfPod[pod];
  }

  /** Returns whether {@code node} is up. */
  public boolean isUp(int node) {
    return up.get(node);
  }

  /** Returns the nodes ever created. */
  public int nodes() {
    return zoneOfNode.size();
  }
}
