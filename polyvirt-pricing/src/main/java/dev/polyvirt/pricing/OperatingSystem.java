package dev.polyvirt.pricing;

/** The operating system of a VM: Windows adds a licence per vCPU-hour to the Linux price. */
public enum OperatingSystem {
  LINUX,
  WINDOWS
}
