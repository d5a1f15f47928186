"""The GaSNet-III reconstruction networks in plain PyTorch, for export.

Written from the project's own specifications, not from upstream code:
- `Encoder`: METHOD.md §3 (conv encoder to 11 numbers, eigenspectra mix).
- `UNetWrapper`: docs/unet-architecture.md (flip for STAR, right pad to 4096,
  1-D UNet with one-group GroupNorm, exact GELU, self-attention and cubic
  up/down-samplers, channels flattened into length, crop to N_out).

Module and parameter names (and their registration order) reproduce the
upstream state-dict keys, so the `.pth` files load with `strict=True`. Every `forward` takes `fluctuate`
[B, 1, 4076] and is written with a dynamic batch axis in mind (reshapes
use -1 for the batch, never a traced batch size).
"""
import math

import torch
import torch.nn.functional as F
from torch import nn

N_INPUT = 4076
N_EIGEN = 10
UNET_LENGTH = 8 ** math.ceil(math.log(N_INPUT) / math.log(8))  # 4096

# Cubic FIR taps of the samplers (unet-architecture.md §5); sum = 1.
CUBIC_TAPS = [-0.01171875, -0.03515625, 0.11328125, 0.43359375,
              0.43359375, 0.11328125, -0.03515625, -0.01171875]


# ---------------------------------------------------------------- Encoder

def encoder_flat_length(n):
    """Length after one conv(k=9, s=5, p=1) + maxpool(2, 2) stage."""
    return ((n - 9 + 2) // 5 + 1 - 2) // 2 + 1


class Encoder(nn.Module):
    """Eigenspectra encoder: R = |x10| * sum_j (x_j^2 / sum x^2) * E_j."""

    def __init__(self, n_out):
        super().__init__()
        length = encoder_flat_length(encoder_flat_length(encoder_flat_length(N_INPUT)))
        self.eigenvectors = nn.Parameter(torch.zeros(N_EIGEN, n_out))
        self.encoder = nn.Sequential(
            nn.Conv1d(1, 8, 9, stride=5, padding=1), nn.ReLU(), nn.MaxPool1d(2, 2),
            nn.Conv1d(8, 16, 9, stride=5, padding=1), nn.ReLU(), nn.MaxPool1d(2, 2),
            nn.Conv1d(16, 32, 9, stride=5, padding=1), nn.ReLU(), nn.MaxPool1d(2, 2),
            nn.Flatten(),
            nn.Linear(32 * length, N_EIGEN + 1),
        )

    def forward(self, fluctuate):
        x = self.encoder(fluctuate)
        amplitude = torch.abs(x[:, N_EIGEN])
        squares = x[:, :N_EIGEN] ** 2
        coefficients = squares / squares.sum(dim=1, keepdim=True)
        reconstruction = amplitude[:, None] * (coefficients @ self.eigenvectors)
        return reconstruction, coefficients, amplitude


# ---------------------------------------------------------------- UNet blocks

class ResConvBlock(nn.Module):
    """conv5 -> GN(1) -> GELU -> conv5 -> GN(1) -> GELU, plus a (1x1, no bias) skip."""

    def __init__(self, c_in, c_mid, c_out):
        super().__init__()
        if c_in != c_out:
            self.conv_skip = nn.Conv1d(c_in, c_out, 1, bias=False)
        else:
            self.conv_skip = None
        self.conv_1 = nn.Conv1d(c_in, c_mid, 5, padding=2)
        self.group_norm_1 = nn.GroupNorm(1, c_mid, eps=1e-5)
        self.conv_2 = nn.Conv1d(c_mid, c_out, 5, padding=2)
        self.group_norm_2 = nn.GroupNorm(1, c_out, eps=1e-5)

    def forward(self, x):
        skip = x if self.conv_skip is None else self.conv_skip(x)
        h = F.gelu(self.group_norm_1(self.conv_1(x)))
        h = F.gelu(self.group_norm_2(self.conv_2(h)))
        return h + skip


class SelfAttention1d(nn.Module):
    """Multi-head self-attention over the length axis, 32-wide heads, pre-norm residual."""

    def __init__(self, channels):
        super().__init__()
        self.heads = channels // 32
        self.width = channels // self.heads  # 32
        self.scale = self.width ** -0.25  # on q and on k: logits scaled by 1/sqrt(32)
        self.group_norm = nn.GroupNorm(1, channels, eps=1e-5)
        self.query = nn.Linear(channels, channels)
        self.key = nn.Linear(channels, channels)
        self.value = nn.Linear(channels, channels)
        self.proj_attn = nn.Linear(channels, channels)

    def forward(self, x):
        length = x.shape[2]
        n = self.group_norm(x).transpose(1, 2)  # (B, L, C)

        def split(t):  # (B, L, C) -> (B, H, L, D), head h = channels [h*D, (h+1)*D)
            return t.reshape(-1, length, self.heads, self.width).transpose(1, 2)

        q = split(self.query(n)) * self.scale
        k = split(self.key(n)) * self.scale
        weights = torch.softmax(q @ k.transpose(-1, -2), dim=-1)
        o = (weights @ split(self.value(n))).transpose(1, 2).flatten(2)  # (B, L, C)
        return self.proj_attn(o).transpose(1, 2) + x


def depthwise(taps, channels):
    """(channels, 1, 8) weight of a per-channel filter. Built with Reshape and
    Concat, which torch's ONNX exporter constant-folds into one initializer."""
    return torch.cat([taps.reshape(1, 1, -1)] * channels, dim=0)


class Downsample(nn.Module):
    """Reflect-pad 3, depthwise stride-2 correlation with the cubic taps: L -> L/2.

    The channel count is fixed at construction (not read from x) so that the
    exported depthwise weight is a constant of static shape.
    """

    def __init__(self, channels):
        super().__init__()
        self.channels = channels
        self.register_buffer('kernel', torch.tensor(CUBIC_TAPS))

    def forward(self, x):
        weight = depthwise(self.kernel, self.channels)
        return F.conv1d(F.pad(x, (3, 3), mode='reflect'), weight, stride=2, groups=self.channels)


class Upsample(nn.Module):
    """Reflect-pad 2, depthwise transposed conv (2x cubic taps, stride 2, crop 7): L -> 2L."""

    def __init__(self, channels):
        super().__init__()
        self.channels = channels
        self.register_buffer('kernel', torch.tensor(CUBIC_TAPS) * 2)

    def forward(self, x):
        weight = depthwise(self.kernel, self.channels)
        return F.conv_transpose1d(F.pad(x, (2, 2), mode='reflect'), weight,
                                  stride=2, padding=7, groups=self.channels)


def res_stack(widths):
    """ResConvBlocks from a list of (in, mid, out)."""
    return nn.ModuleList([ResConvBlock(*w) for w in widths])


class DownBlock(nn.Module):
    def __init__(self, widths, attention=0):
        super().__init__()
        self.down = Downsample(widths[0][0])
        if attention:
            self.attentions = nn.ModuleList([SelfAttention1d(attention) for _ in widths])
        else:
            self.attentions = None
        self.resnets = res_stack(widths)

    def forward(self, x):
        x = self.down(x)
        for i, resnet in enumerate(self.resnets):
            x = resnet(x)
            if self.attentions is not None:
                x = self.attentions[i](x)
        return x


class MidBlock(nn.Module):
    def __init__(self, channels, depth):
        super().__init__()
        self.down = Downsample(channels)
        self.up = Upsample(channels)
        self.attentions = nn.ModuleList([SelfAttention1d(channels) for _ in range(depth)])
        self.resnets = res_stack([(channels, channels, channels)] * depth)

    def forward(self, x):
        x = self.down(x)
        for resnet, attention in zip(self.resnets, self.attentions):
            x = attention(resnet(x))
        return self.up(x)


class UpBlock(nn.Module):
    def __init__(self, widths, attention=0):
        super().__init__()
        if attention:
            self.attentions = nn.ModuleList([SelfAttention1d(attention) for _ in widths])
        else:
            self.attentions = None
        self.resnets = res_stack(widths)
        self.up = Upsample(widths[-1][2])

    def forward(self, x, skip):
        x = torch.cat([x, skip], dim=1)
        for i, resnet in enumerate(self.resnets):
            x = resnet(x)
            if self.attentions is not None:
                x = self.attentions[i](x)
        return self.up(x)


class UNet1d(nn.Module):
    """(B, 1, L) -> (B, c_out, L), L divisible by 32 (unet-architecture.md §7)."""

    def __init__(self, c_out):
        super().__init__()
        self.down_blocks = nn.ModuleList([
            DownBlock([(1, 8, 8), (8, 8, 8), (8, 8, 8)]),
            DownBlock([(8, 16, 16), (16, 16, 16), (16, 16, 16)]),
            DownBlock([(16, 32, 32), (32, 32, 32), (32, 32, 32)]),
            DownBlock([(32, 64, 64), (64, 64, 64), (64, 64, 64)], attention=64),
        ])
        self.up_blocks = nn.ModuleList([
            UpBlock([(128, 32, 32), (32, 32, 32), (32, 32, 32)], attention=32),
            UpBlock([(64, 32, 32), (32, 32, 32), (32, 32, 16)]),
            UpBlock([(32, 16, 16), (16, 16, 16), (16, 16, 8)]),
            UpBlock([(16, 8, 8), (8, 8, 8), (8, 8, c_out)]),
        ])
        self.mid_block = MidBlock(64, 6)

    def forward(self, x):
        skips = []
        for block in self.down_blocks:
            x = block(x)
            skips.append(x)
        x = self.mid_block(x)
        for block in self.up_blocks:
            x = block(x, skips.pop())
        return x


class UNetWrapper(nn.Module):
    """flip (STAR) -> right zero-pad to 4096 -> UNet -> channels into length -> crop to N_out."""

    def __init__(self, n_out, flip):
        super().__init__()
        self.n_out = n_out
        self.flip = flip
        self.c_out = math.ceil(n_out / UNET_LENGTH)
        # Unused by the reconstruction; present in the checkpoint (strict load).
        self.eigenvectors = nn.Parameter(torch.zeros(N_EIGEN, n_out))
        self.UNet = UNet1d(self.c_out)

    def forward(self, fluctuate):
        x = fluctuate
        if self.flip:
            x = torch.flip(x, dims=[2])
        x = F.pad(x, (0, UNET_LENGTH - N_INPUT))
        y = self.UNet(x)
        return y.reshape(-1, self.c_out * UNET_LENGTH)[:, :self.n_out]
