package dev.polyvirt.dashboard; final class Placeholder {}
