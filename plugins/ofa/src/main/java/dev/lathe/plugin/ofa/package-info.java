/**
 * Once-for-All (Cai et al., arXiv:1908.09791): the elastic MobileNetV3 search space, the network
 * of each of its subnets, and the plugin's descriptor.
 */
package dev.lathe.plugin.ofa;
