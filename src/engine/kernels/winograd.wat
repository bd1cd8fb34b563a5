;; winograd: a 3×3, stride-1 convolution by Winograd's minimal filtering, F(4×4, 3×3), as
;; a WebAssembly SIMD function (see ../wasmSimdWinograd.ts, which lays out the memory and
;; transforms the filter); winogradFilterGrad, further down, is its filter gradient. Each 4×4 block of outputs ("tile") is computed from the 6×6
;; window of input under it:
;;
;;   Y = Aᵀ [ Σ_c (Bᵀ d_c B) ⊙ U_c ] A,   U_c = G g_c Gᵀ (one per input and output channel)
;;
;; with Bᵀ, G and Aᵀ those of Lavin and Gray, "Fast Algorithms for Convolutional Neural
;; Networks" (CVPR 2016). That is 36 products per tile and channel pair where the direct sum
;; does 16 × 9 = 144; the transforms are additions and small multiples.
;;
;; The tiles go six at a time. For each block: every tile's window is transformed, four
;; channels per v128 ($bt6 twice: down the columns, then along the rows), into
;; V[ξ][tile][c] (ξ = 0…35, the 6×6 point); then for each ξ the block's six rows of V times
;; U[ξ] (channels × filters) are summed in twelve v128 registers, six tiles by eight
;; filters, into M[ξ][tile][f]; then each tile's M goes back through Aᵀ · A ($at6 twice)
;; to its 4×4 outputs, plus the bias, four filters per v128, and no lower than $floor
;; (−∞ for a linear output, 0 for a ReLU's: max(x, 0) applied in the same pass).
;;
;; Memory, all laid out by the caller (byte addresses):
;;   $tin / $tout  tables of each tile's window (top-left) and output (top-left) address,
;;                 blocks·6 of each (a partial last block repeats a tile into a spare output)
;;   $u            U, [36][cp][fp]     $bias  [fp]
;;   $v            V, [36][6][cp]      $m     M, [36][6][fp]     $t  36 v128 of scratch
;; cp = 4·$cgroups input channels (zero past the real ones), fp = 8·$fgroups filters.
;; $inRow, $inPixel and $outRow, $outPixel are the input's and the output's row and pixel
;; strides in bytes.
;;
;; The floor is f32x4.pmax (x < floor ? floor : x), one instruction, which keeps a NaN
;; (NaN < floor is false) as tfjs's ReLU does.
(module
  ;; The memory is given: its own, or tfjs's heap, to work on tensors in place.
  (import "env" "memory" (memory 1))

  ;; r = Bᵀ d for six v128 at src + i·srcStep, stored at dst + k·dstStep:
  ;;   r0 = 4d0 − 5d2 + d4          r1 = (d4 − 4d2) + (d3 − 4d1)   r2 = (d4 − 4d2) − (d3 − 4d1)
  ;;   r3 = (d4 − d2) + 2(d3 − d1)  r4 = (d4 − d2) − 2(d3 − d1)    r5 = 4d1 − 5d3 + d5
  (func $bt6 (param $src i32) (param $srcStep i32) (param $dst i32) (param $dstStep i32)
    (local $d0 v128) (local $d1 v128) (local $d2 v128) (local $d3 v128) (local $d4 v128)
    (local $d5 v128) (local $a v128) (local $b v128) (local $four v128) (local $five v128)
    (local.set $four (f32x4.splat (f32.const 4)))
    (local.set $five (f32x4.splat (f32.const 5)))
    (local.set $d0 (v128.load (local.get $src)))
    (local.set $src (i32.add (local.get $src) (local.get $srcStep)))
    (local.set $d1 (v128.load (local.get $src)))
    (local.set $src (i32.add (local.get $src) (local.get $srcStep)))
    (local.set $d2 (v128.load (local.get $src)))
    (local.set $src (i32.add (local.get $src) (local.get $srcStep)))
    (local.set $d3 (v128.load (local.get $src)))
    (local.set $src (i32.add (local.get $src) (local.get $srcStep)))
    (local.set $d4 (v128.load (local.get $src)))
    (local.set $src (i32.add (local.get $src) (local.get $srcStep)))
    (local.set $d5 (v128.load (local.get $src)))
    ;; r0
    (v128.store (local.get $dst)
      (f32x4.add (f32x4.sub (f32x4.mul (local.get $four) (local.get $d0))
                            (f32x4.mul (local.get $five) (local.get $d2)))
                 (local.get $d4)))
    (local.set $dst (i32.add (local.get $dst) (local.get $dstStep)))
    ;; r1, r2
    (local.set $a (f32x4.sub (local.get $d4) (f32x4.mul (local.get $four) (local.get $d2))))
    (local.set $b (f32x4.sub (local.get $d3) (f32x4.mul (local.get $four) (local.get $d1))))
    (v128.store (local.get $dst) (f32x4.add (local.get $a) (local.get $b)))
    (local.set $dst (i32.add (local.get $dst) (local.get $dstStep)))
    (v128.store (local.get $dst) (f32x4.sub (local.get $a) (local.get $b)))
    (local.set $dst (i32.add (local.get $dst) (local.get $dstStep)))
    ;; r3, r4
    (local.set $a (f32x4.sub (local.get $d4) (local.get $d2)))
    (local.set $b (f32x4.sub (local.get $d3) (local.get $d1)))
    (local.set $b (f32x4.add (local.get $b) (local.get $b)))
    (v128.store (local.get $dst) (f32x4.add (local.get $a) (local.get $b)))
    (local.set $dst (i32.add (local.get $dst) (local.get $dstStep)))
    (v128.store (local.get $dst) (f32x4.sub (local.get $a) (local.get $b)))
    (local.set $dst (i32.add (local.get $dst) (local.get $dstStep)))
    ;; r5
    (v128.store (local.get $dst)
      (f32x4.add (f32x4.sub (f32x4.mul (local.get $four) (local.get $d1))
                            (f32x4.mul (local.get $five) (local.get $d3)))
                 (local.get $d5))))

  ;; o = max(Aᵀ m + add, floor) for six v128 at src + k·srcStep, four stored at dst + q·dstStep:
  ;;   o0 = m0 + (m1 + m2) + (m3 + m4)     o1 = (m1 − m2) + 2(m3 − m4)
  ;;   o2 = (m1 + m2) + 4(m3 + m4)         o3 = (m1 − m2) + 8(m3 − m4) + m5
  (func $at6 (param $src i32) (param $srcStep i32) (param $dst i32) (param $dstStep i32)
    (param $add v128) (param $floor v128)
    (local $m0 v128) (local $m1 v128) (local $m2 v128) (local $m3 v128) (local $m4 v128)
    (local $m5 v128) (local $p v128) (local $q v128) (local $r v128) (local $s v128)
    (local.set $m0 (v128.load (local.get $src)))
    (local.set $src (i32.add (local.get $src) (local.get $srcStep)))
    (local.set $m1 (v128.load (local.get $src)))
    (local.set $src (i32.add (local.get $src) (local.get $srcStep)))
    (local.set $m2 (v128.load (local.get $src)))
    (local.set $src (i32.add (local.get $src) (local.get $srcStep)))
    (local.set $m3 (v128.load (local.get $src)))
    (local.set $src (i32.add (local.get $src) (local.get $srcStep)))
    (local.set $m4 (v128.load (local.get $src)))
    (local.set $src (i32.add (local.get $src) (local.get $srcStep)))
    (local.set $m5 (v128.load (local.get $src)))
    (local.set $p (f32x4.add (local.get $m1) (local.get $m2)))
    (local.set $q (f32x4.sub (local.get $m1) (local.get $m2)))
    (local.set $r (f32x4.add (local.get $m3) (local.get $m4)))
    (local.set $s (f32x4.sub (local.get $m3) (local.get $m4)))
    (v128.store (local.get $dst)
      (f32x4.pmax
      (f32x4.add (f32x4.add (f32x4.add (local.get $m0) (local.get $p)) (local.get $r))
                 (local.get $add))
      (local.get $floor)))
    (local.set $dst (i32.add (local.get $dst) (local.get $dstStep)))
    (v128.store (local.get $dst)
      (f32x4.pmax
      (f32x4.add (f32x4.add (local.get $q)
                            (f32x4.mul (f32x4.splat (f32.const 2)) (local.get $s)))
                 (local.get $add))
      (local.get $floor)))
    (local.set $dst (i32.add (local.get $dst) (local.get $dstStep)))
    (v128.store (local.get $dst)
      (f32x4.pmax
      (f32x4.add (f32x4.add (local.get $p)
                            (f32x4.mul (f32x4.splat (f32.const 4)) (local.get $r)))
                 (local.get $add))
      (local.get $floor)))
    (local.set $dst (i32.add (local.get $dst) (local.get $dstStep)))
    (v128.store (local.get $dst)
      (f32x4.pmax
      (f32x4.add (f32x4.add (f32x4.add (local.get $q)
                                       (f32x4.mul (f32x4.splat (f32.const 8)) (local.get $s)))
                            (local.get $m5))
                 (local.get $add))
      (local.get $floor))))

;; r = G g for three v128 at src + i·srcStep, six stored at dst + k·dstStep (the filter's
  ;; transform, G of F(4×4, 3×3)):
  ;;   r0 = g0/4   r1 = −((g0 + g2) + g1)/6   r2 = −((g0 + g2) − g1)/6   r5 = g2
  ;;   r3 = (g0/24 + g2/6) + g1/12            r4 = (g0/24 + g2/6) − g1/12
  (func $g6 (param $src i32) (param $srcStep i32) (param $dst i32) (param $dstStep i32)
    (local $g0 v128) (local $g1 v128) (local $g2 v128) (local $a v128) (local $b v128)
    (local $sixth v128)
    (local.set $sixth (f32x4.splat (f32.const -0.16666666666666666)))
    (local.set $g0 (v128.load (local.get $src)))
    (local.set $src (i32.add (local.get $src) (local.get $srcStep)))
    (local.set $g1 (v128.load (local.get $src)))
    (local.set $src (i32.add (local.get $src) (local.get $srcStep)))
    (local.set $g2 (v128.load (local.get $src)))
    (v128.store (local.get $dst) (f32x4.mul (local.get $g0) (f32x4.splat (f32.const 0.25))))
    (local.set $dst (i32.add (local.get $dst) (local.get $dstStep)))
    (local.set $a (f32x4.add (local.get $g0) (local.get $g2)))
    (v128.store (local.get $dst) (f32x4.mul (f32x4.add (local.get $a) (local.get $g1)) (local.get $sixth)))
    (local.set $dst (i32.add (local.get $dst) (local.get $dstStep)))
    (v128.store (local.get $dst) (f32x4.mul (f32x4.sub (local.get $a) (local.get $g1)) (local.get $sixth)))
    (local.set $dst (i32.add (local.get $dst) (local.get $dstStep)))
    (local.set $a (f32x4.add (f32x4.mul (local.get $g0) (f32x4.splat (f32.const 0.041666666666666664)))
                             (f32x4.mul (local.get $g2) (f32x4.splat (f32.const 0.16666666666666666)))))
    (local.set $b (f32x4.mul (local.get $g1) (f32x4.splat (f32.const 0.08333333333333333))))
    (v128.store (local.get $dst) (f32x4.add (local.get $a) (local.get $b)))
    (local.set $dst (i32.add (local.get $dst) (local.get $dstStep)))
    (v128.store (local.get $dst) (f32x4.sub (local.get $a) (local.get $b)))
    (local.set $dst (i32.add (local.get $dst) (local.get $dstStep)))
    (v128.store (local.get $dst) (local.get $g2)))

  ;; o = Gᵀ m for six v128 at src + k·srcStep, three stored at dst + i·dstStep:
  ;;   o0 = m0/4 − (m1 + m2)/6 + (m3 + m4)/24   o1 = (m2 − m1)/6 + (m3 − m4)/12
  ;;   o2 = ((m3 + m4) − (m1 + m2))/6 + m5
  (func $gt3 (param $src i32) (param $srcStep i32) (param $dst i32) (param $dstStep i32)
    (local $m0 v128) (local $m1 v128) (local $m2 v128) (local $m3 v128) (local $m4 v128)
    (local $m5 v128) (local $p v128) (local $q v128) (local $sixth v128)
    (local.set $sixth (f32x4.splat (f32.const 0.16666666666666666)))
    (local.set $m0 (v128.load (local.get $src)))
    (local.set $src (i32.add (local.get $src) (local.get $srcStep)))
    (local.set $m1 (v128.load (local.get $src)))
    (local.set $src (i32.add (local.get $src) (local.get $srcStep)))
    (local.set $m2 (v128.load (local.get $src)))
    (local.set $src (i32.add (local.get $src) (local.get $srcStep)))
    (local.set $m3 (v128.load (local.get $src)))
    (local.set $src (i32.add (local.get $src) (local.get $srcStep)))
    (local.set $m4 (v128.load (local.get $src)))
    (local.set $src (i32.add (local.get $src) (local.get $srcStep)))
    (local.set $m5 (v128.load (local.get $src)))
    (local.set $p (f32x4.add (local.get $m1) (local.get $m2)))
    (local.set $q (f32x4.add (local.get $m3) (local.get $m4)))
    (v128.store (local.get $dst)
      (f32x4.add (f32x4.sub (f32x4.mul (local.get $m0) (f32x4.splat (f32.const 0.25)))
                            (f32x4.mul (local.get $p) (local.get $sixth)))
                 (f32x4.mul (local.get $q) (f32x4.splat (f32.const 0.041666666666666664)))))
    (local.set $dst (i32.add (local.get $dst) (local.get $dstStep)))
    (v128.store (local.get $dst)
      (f32x4.add (f32x4.mul (f32x4.sub (local.get $m2) (local.get $m1)) (local.get $sixth))
                 (f32x4.mul (f32x4.sub (local.get $m3) (local.get $m4))
                            (f32x4.splat (f32.const 0.08333333333333333)))))
    (local.set $dst (i32.add (local.get $dst) (local.get $dstStep)))
    (v128.store (local.get $dst)
      (f32x4.add (f32x4.mul (f32x4.sub (local.get $q) (local.get $p)) (local.get $sixth))
                 (local.get $m5))))

    (func (export "winograd")
    (param $tin i32) (param $tout i32) (param $blocks i32)
    (param $cgroups i32) (param $fgroups i32)
    (param $inRow i32) (param $inPixel i32) (param $outRow i32) (param $outPixel i32)
    (param $u i32) (param $bias i32) (param $v i32) (param $m i32) (param $t i32) (param $w i32)
    (param $floor f32)
    (local $plane i32) (local $b i32) (local $r i32) (local $cg i32) (local $j i32) (local $xi i32) (local $g i32)
    (local $c i32) (local $src i32) (local $dst i32) (local $pu i32) (local $pv i32)
    (local $cp4 i32) (local $fp4 i32) (local $vTile i32) (local $mTile i32) (local $q i32)
    (local $s v128) (local $u0 v128) (local $u1 v128) (local $lo v128)
    (local $a00 v128) (local $a01 v128) (local $a10 v128) (local $a11 v128)
    (local $a20 v128) (local $a21 v128) (local $a30 v128) (local $a31 v128)
    (local $a40 v128) (local $a41 v128) (local $a50 v128) (local $a51 v128)
    (local.set $lo (f32x4.splat (local.get $floor)))
    (local.set $cp4 (i32.shl (local.get $cgroups) (i32.const 4))) ;; bytes per V row (cp floats)
    (local.set $fp4 (i32.shl (local.get $fgroups) (i32.const 5))) ;; bytes per M row (fp floats)
    (local.set $vTile (i32.mul (local.get $cp4) (i32.const 6)))   ;; V: one ξ's six rows
    (local.set $mTile (i32.mul (local.get $fp4) (i32.const 6)))   ;; M: one ξ's six rows
    ;; 0. U[ξ] = (G g Gᵀ)[ξ] from the filter at $w, [9][cp][fp]; four (c, f) at a time,
    ;; each plane (one ξ, or one (i, j) of g) cp·fp floats
    (local.set $plane (i32.mul (local.get $cp4) (i32.shl (local.get $fgroups) (i32.const 3))))
    (local.set $q (i32.const 0))
    (loop $filterPlanes
      ;; down each column j: T[k][j] = (G g)[k][j], at t + k·48 + j·16
      (local.set $j (i32.const 0))
      (loop $gCols
        (call $g6
          (i32.add (i32.add (local.get $w) (i32.mul (local.get $j) (local.get $plane))) (local.get $q))
          (i32.mul (local.get $plane) (i32.const 3))
          (i32.add (local.get $t) (i32.shl (local.get $j) (i32.const 4)))
          (i32.const 48))
        (br_if $gCols (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 1))) (i32.const 3))))
      ;; along each row k: U[6k + l] = (T[k] Gᵀ)[l]
      (local.set $j (i32.const 0))
      (loop $gRows
        (call $g6
          (i32.add (local.get $t) (i32.mul (local.get $j) (i32.const 48)))
          (i32.const 16)
          (i32.add (i32.add (local.get $u) (i32.mul (i32.mul (local.get $j) (i32.const 6)) (local.get $plane)))
                   (local.get $q))
          (local.get $plane))
        (br_if $gRows (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 1))) (i32.const 6))))
      (br_if $filterPlanes (i32.lt_u (local.tee $q (i32.add (local.get $q) (i32.const 16))) (local.get $plane))))
    (block $blocksDone (loop $blockLoop
      (br_if $blocksDone (i32.ge_u (local.get $b) (local.get $blocks)))

      ;; 1. V[ξ][r][c] = (Bᵀ d B)[ξ] for each of the six tiles and each group of 4 channels
      (local.set $r (i32.const 0))
      (loop $inTiles
        (local.set $src (i32.load (i32.add (local.get $tin)
          (i32.shl (i32.add (i32.mul (local.get $b) (i32.const 6)) (local.get $r)) (i32.const 2)))))
        (local.set $cg (i32.const 0))
        (loop $inGroups
          ;; down each column j: T[k][j] = (Bᵀ d)[k][j], at t + k·96 + j·16
          (local.set $j (i32.const 0))
          (loop $cols
            (call $bt6
              (i32.add (i32.add (local.get $src) (i32.mul (local.get $j) (local.get $inPixel)))
                       (i32.shl (local.get $cg) (i32.const 4)))
              (local.get $inRow)
              (i32.add (local.get $t) (i32.shl (local.get $j) (i32.const 4)))
              (i32.const 96))
            (br_if $cols (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 1))) (i32.const 6))))
          ;; along each row k: V[6k + l][r][cg] = (T[k] B)[l]
          (local.set $j (i32.const 0))
          (loop $rows
            (call $bt6
              (i32.add (local.get $t) (i32.mul (local.get $j) (i32.const 96)))
              (i32.const 16)
              (i32.add (local.get $v)
                (i32.add (i32.mul (i32.mul (local.get $j) (i32.const 6)) (local.get $vTile))
                  (i32.add (i32.mul (local.get $r) (local.get $cp4)) (i32.shl (local.get $cg) (i32.const 4)))))
              (local.get $vTile))
            (br_if $rows (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 1))) (i32.const 6))))
          (br_if $inGroups (i32.lt_u (local.tee $cg (i32.add (local.get $cg) (i32.const 1))) (local.get $cgroups))))
        (br_if $inTiles (i32.lt_u (local.tee $r (i32.add (local.get $r) (i32.const 1))) (i32.const 6))))

      ;; 2. M[ξ][r][f] = Σ_c V[ξ][r][c] · U[ξ][c][f], six tiles by eight filters at a time
      (local.set $xi (i32.const 0))
      (loop $points
        (local.set $g (i32.const 0))
        (loop $filterGroups
          (local.set $a00 (v128.const i32x4 0 0 0 0)) (local.set $a01 (v128.const i32x4 0 0 0 0))
          (local.set $a10 (v128.const i32x4 0 0 0 0)) (local.set $a11 (v128.const i32x4 0 0 0 0))
          (local.set $a20 (v128.const i32x4 0 0 0 0)) (local.set $a21 (v128.const i32x4 0 0 0 0))
          (local.set $a30 (v128.const i32x4 0 0 0 0)) (local.set $a31 (v128.const i32x4 0 0 0 0))
          (local.set $a40 (v128.const i32x4 0 0 0 0)) (local.set $a41 (v128.const i32x4 0 0 0 0))
          (local.set $a50 (v128.const i32x4 0 0 0 0)) (local.set $a51 (v128.const i32x4 0 0 0 0))
          (local.set $pu (i32.add (local.get $u)
            (i32.add (i32.mul (i32.mul (local.get $xi) (local.get $cp4)) (i32.shl (local.get $fgroups) (i32.const 3)))
                     (i32.shl (local.get $g) (i32.const 5)))))
          (local.set $pv (i32.add (local.get $v) (i32.mul (local.get $xi) (local.get $vTile))))
          (local.set $c (i32.shl (local.get $cgroups) (i32.const 2)))
          (loop $channels
            (local.set $u0 (v128.load offset=0 (local.get $pu)))
            (local.set $u1 (v128.load offset=16 (local.get $pu)))
            (local.set $q (local.get $pv))
            (local.set $s (v128.load32_splat (local.get $q)))
            (local.set $a00 (f32x4.add (local.get $a00) (f32x4.mul (local.get $s) (local.get $u0))))
            (local.set $a01 (f32x4.add (local.get $a01) (f32x4.mul (local.get $s) (local.get $u1))))
            (local.set $q (i32.add (local.get $q) (local.get $cp4)))
            (local.set $s (v128.load32_splat (local.get $q)))
            (local.set $a10 (f32x4.add (local.get $a10) (f32x4.mul (local.get $s) (local.get $u0))))
            (local.set $a11 (f32x4.add (local.get $a11) (f32x4.mul (local.get $s) (local.get $u1))))
            (local.set $q (i32.add (local.get $q) (local.get $cp4)))
            (local.set $s (v128.load32_splat (local.get $q)))
            (local.set $a20 (f32x4.add (local.get $a20) (f32x4.mul (local.get $s) (local.get $u0))))
            (local.set $a21 (f32x4.add (local.get $a21) (f32x4.mul (local.get $s) (local.get $u1))))
            (local.set $q (i32.add (local.get $q) (local.get $cp4)))
            (local.set $s (v128.load32_splat (local.get $q)))
            (local.set $a30 (f32x4.add (local.get $a30) (f32x4.mul (local.get $s) (local.get $u0))))
            (local.set $a31 (f32x4.add (local.get $a31) (f32x4.mul (local.get $s) (local.get $u1))))
            (local.set $q (i32.add (local.get $q) (local.get $cp4)))
            (local.set $s (v128.load32_splat (local.get $q)))
            (local.set $a40 (f32x4.add (local.get $a40) (f32x4.mul (local.get $s) (local.get $u0))))
            (local.set $a41 (f32x4.add (local.get $a41) (f32x4.mul (local.get $s) (local.get $u1))))
            (local.set $q (i32.add (local.get $q) (local.get $cp4)))
            (local.set $s (v128.load32_splat (local.get $q)))
            (local.set $a50 (f32x4.add (local.get $a50) (f32x4.mul (local.get $s) (local.get $u0))))
            (local.set $a51 (f32x4.add (local.get $a51) (f32x4.mul (local.get $s) (local.get $u1))))
            (local.set $pu (i32.add (local.get $pu) (local.get $fp4)))
            (local.set $pv (i32.add (local.get $pv) (i32.const 4)))
            (br_if $channels (local.tee $c (i32.sub (local.get $c) (i32.const 1)))))
          ;; the 6 × 8 sums to M[ξ][r][g·8 …]
          (local.set $q (i32.add (local.get $m)
            (i32.add (i32.mul (local.get $xi) (local.get $mTile)) (i32.shl (local.get $g) (i32.const 5)))))
          (v128.store offset=0 (local.get $q) (local.get $a00)) (v128.store offset=16 (local.get $q) (local.get $a01))
          (local.set $q (i32.add (local.get $q) (local.get $fp4)))
          (v128.store offset=0 (local.get $q) (local.get $a10)) (v128.store offset=16 (local.get $q) (local.get $a11))
          (local.set $q (i32.add (local.get $q) (local.get $fp4)))
          (v128.store offset=0 (local.get $q) (local.get $a20)) (v128.store offset=16 (local.get $q) (local.get $a21))
          (local.set $q (i32.add (local.get $q) (local.get $fp4)))
          (v128.store offset=0 (local.get $q) (local.get $a30)) (v128.store offset=16 (local.get $q) (local.get $a31))
          (local.set $q (i32.add (local.get $q) (local.get $fp4)))
          (v128.store offset=0 (local.get $q) (local.get $a40)) (v128.store offset=16 (local.get $q) (local.get $a41))
          (local.set $q (i32.add (local.get $q) (local.get $fp4)))
          (v128.store offset=0 (local.get $q) (local.get $a50)) (v128.store offset=16 (local.get $q) (local.get $a51))
          (br_if $filterGroups (i32.lt_u (local.tee $g (i32.add (local.get $g) (i32.const 1))) (local.get $fgroups))))
        (br_if $points (i32.lt_u (local.tee $xi (i32.add (local.get $xi) (i32.const 1))) (i32.const 36))))

      ;; 3. each tile's outputs: Aᵀ M A + bias, four filters at a time
      (local.set $r (i32.const 0))
      (loop $outTiles
        (local.set $dst (i32.load (i32.add (local.get $tout)
          (i32.shl (i32.add (i32.mul (local.get $b) (i32.const 6)) (local.get $r)) (i32.const 2)))))
        (local.set $cg (i32.const 0)) ;; here: the group of four filters
        (loop $outGroups
          ;; down each column l: T[q][l] = (Aᵀ M)[q][l], from M[6k + l][r], at t + q·96 + l·16
          (local.set $j (i32.const 0))
          (loop $outCols
            (call $at6
              (i32.add (local.get $m)
                (i32.add (i32.mul (local.get $j) (local.get $mTile))
                  (i32.add (i32.mul (local.get $r) (local.get $fp4)) (i32.shl (local.get $cg) (i32.const 4)))))
              (i32.mul (local.get $mTile) (i32.const 6))
              (i32.add (local.get $t) (i32.shl (local.get $j) (i32.const 4)))
              (i32.const 96)
              (v128.const i32x4 0 0 0 0)
              (v128.const f32x4 -inf -inf -inf -inf))
            (br_if $outCols (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 1))) (i32.const 6))))
          ;; along each of the four rows, plus the bias, to the output
          (local.set $s (v128.load (i32.add (local.get $bias) (i32.shl (local.get $cg) (i32.const 4)))))
          (local.set $j (i32.const 0))
          (loop $outRows
            (call $at6
              (i32.add (local.get $t) (i32.mul (local.get $j) (i32.const 96)))
              (i32.const 16)
              (i32.add (i32.add (local.get $dst) (i32.mul (local.get $j) (local.get $outRow)))
                       (i32.shl (local.get $cg) (i32.const 4)))
              (local.get $outPixel)
              (local.get $s)
              (local.get $lo))
            (br_if $outRows (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 1))) (i32.const 4))))
          (br_if $outGroups (i32.lt_u (local.tee $cg (i32.add (local.get $cg) (i32.const 1)))
            (i32.shl (local.get $fgroups) (i32.const 1)))))
        (br_if $outTiles (i32.lt_u (local.tee $r (i32.add (local.get $r) (i32.const 1))) (i32.const 6))))

      (local.set $b (i32.add (local.get $b) (i32.const 1)))
      (br $blockLoop))))

  ;; ---------------------------------------------------------------------------------
  ;; winogradFilterGrad: the filter gradient of the same convolution (the caller,
  ;; ../wasmSimdWinogradFilterGrad.ts, lays out the memory and turns the sums into dW).
  ;; Each 4×4 tile of outputs is Y = Aᵀ [ Σ_c U_c ⊙ V_c ] A, as above, so
  ;;
  ;;   ∂L/∂g[c, f] = Gᵀ M[c, f] G,   M[ξ][c][f] = Σ_tiles V[ξ][tile][c] · Z[ξ][tile][f],
  ;;
  ;; where Z = A dY Aᵀ is the tile's 4×4 of output gradient taken to the 36 points. This
  ;; function adds a batch of tiles into M; the caller zeroes M first and applies Gᵀ · G.
  ;; 36 products per tile and channel pair, where the direct sum does 16 × 9 = 144.
  ;;
  ;; Tiles go $bt at a time: every tile's window is transformed into V[ξ][tile][c] ($bt6,
  ;; as above) and its dy into Z[ξ][tile][f] ($a6, down the columns then along the rows,
  ;; four filters per v128); then for each ξ, four channels by eight filters of M are added
  ;; to in eight v128 registers over the block's tiles.
  ;;
  ;; Memory, laid out by the caller (byte addresses):
  ;;   $tin / $tdy  each tile's window (top-left) and dy (top-left) address, blocks·$bt of
  ;;                each (missing tiles' dy is a block of zeros)
  ;;   $v  V, [36][bt][cp]    $z  Z, [36][bt][fp]    $m  M, [36][cp][fp]    $t  scratch
  ;; cp = 4·$cgroups channels, fp = 8·$fgroups filters; $inRow, $inPixel and $dyRow,
  ;; $dyPixel are the input's and dy's row and pixel strides in bytes.

  ;; z = A u for four v128 at src + p·srcStep, six stored at dst + k·dstStep (A = (Aᵀ)ᵀ):
  ;;   z0 = u0   z1 = (u0 + u2) + (u1 + u3)       z2 = (u0 + u2) − (u1 + u3)
  ;;   z5 = u3   z3 = (u0 + 4u2) + (2u1 + 8u3)    z4 = (u0 + 4u2) − (2u1 + 8u3)
  (func $a6 (param $src i32) (param $srcStep i32) (param $dst i32) (param $dstStep i32)
    (local $u0 v128) (local $u1 v128) (local $u2 v128) (local $u3 v128)
    (local $e v128) (local $o v128)
    (local.set $u0 (v128.load (local.get $src)))
    (local.set $src (i32.add (local.get $src) (local.get $srcStep)))
    (local.set $u1 (v128.load (local.get $src)))
    (local.set $src (i32.add (local.get $src) (local.get $srcStep)))
    (local.set $u2 (v128.load (local.get $src)))
    (local.set $src (i32.add (local.get $src) (local.get $srcStep)))
    (local.set $u3 (v128.load (local.get $src)))
    (v128.store (local.get $dst) (local.get $u0))
    (local.set $dst (i32.add (local.get $dst) (local.get $dstStep)))
    (local.set $e (f32x4.add (local.get $u0) (local.get $u2)))
    (local.set $o (f32x4.add (local.get $u1) (local.get $u3)))
    (v128.store (local.get $dst) (f32x4.add (local.get $e) (local.get $o)))
    (local.set $dst (i32.add (local.get $dst) (local.get $dstStep)))
    (v128.store (local.get $dst) (f32x4.sub (local.get $e) (local.get $o)))
    (local.set $dst (i32.add (local.get $dst) (local.get $dstStep)))
    (local.set $e (f32x4.add (local.get $u0) (f32x4.mul (f32x4.splat (f32.const 4)) (local.get $u2))))
    (local.set $o (f32x4.add (f32x4.add (local.get $u1) (local.get $u1))
                             (f32x4.mul (f32x4.splat (f32.const 8)) (local.get $u3))))
    (v128.store (local.get $dst) (f32x4.add (local.get $e) (local.get $o)))
    (local.set $dst (i32.add (local.get $dst) (local.get $dstStep)))
    (v128.store (local.get $dst) (f32x4.sub (local.get $e) (local.get $o)))
    (local.set $dst (i32.add (local.get $dst) (local.get $dstStep)))
    (v128.store (local.get $dst) (local.get $u3)))

  (func (export "winogradFilterGrad")
    (param $tin i32) (param $tdy i32) (param $blocks i32) (param $bt i32)
    (param $cgroups i32) (param $fgroups i32)
    (param $inRow i32) (param $inPixel i32) (param $dyRow i32) (param $dyPixel i32)
    (param $v i32) (param $z i32) (param $m i32) (param $t i32) (param $dw i32)
    (local $plane i32) (local $b i32) (local $r i32) (local $cg i32) (local $j i32) (local $xi i32) (local $g i32)
    (local $src i32) (local $pz i32) (local $pv i32) (local $pm i32) (local $k i32)
    (local $cp4 i32) (local $fp4 i32) (local $vTile i32) (local $zTile i32) (local $tile i32)
    (local $z0 v128) (local $z1 v128) (local $s v128)
    (local $a00 v128) (local $a01 v128) (local $a10 v128) (local $a11 v128)
    (local $a20 v128) (local $a21 v128) (local $a30 v128) (local $a31 v128)
    (local.set $cp4 (i32.shl (local.get $cgroups) (i32.const 4)))  ;; bytes per V row
    (local.set $fp4 (i32.shl (local.get $fgroups) (i32.const 5)))  ;; bytes per Z and M row
    (local.set $vTile (i32.mul (local.get $cp4) (local.get $bt)))  ;; V: one ξ's rows
    (local.set $zTile (i32.mul (local.get $fp4) (local.get $bt)))  ;; Z: one ξ's rows
    (block $blocksDone (loop $blockLoop
      (br_if $blocksDone (i32.ge_u (local.get $b) (local.get $blocks)))

      (local.set $r (i32.const 0))
      (loop $tiles
        (local.set $tile (i32.shl (i32.add (i32.mul (local.get $b) (local.get $bt)) (local.get $r))
                                  (i32.const 2)))
        ;; 1. V[ξ][r][c] = (Bᵀ d B)[ξ], four channels at a time
        (local.set $src (i32.load (i32.add (local.get $tin) (local.get $tile))))
        (local.set $cg (i32.const 0))
        (loop $inGroups
          (local.set $j (i32.const 0))
          (loop $cols
            (call $bt6
              (i32.add (i32.add (local.get $src) (i32.mul (local.get $j) (local.get $inPixel)))
                       (i32.shl (local.get $cg) (i32.const 4)))
              (local.get $inRow)
              (i32.add (local.get $t) (i32.shl (local.get $j) (i32.const 4)))
              (i32.const 96))
            (br_if $cols (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 1))) (i32.const 6))))
          (local.set $j (i32.const 0))
          (loop $rows
            (call $bt6
              (i32.add (local.get $t) (i32.mul (local.get $j) (i32.const 96)))
              (i32.const 16)
              (i32.add (local.get $v)
                (i32.add (i32.mul (i32.mul (local.get $j) (i32.const 6)) (local.get $vTile))
                  (i32.add (i32.mul (local.get $r) (local.get $cp4)) (i32.shl (local.get $cg) (i32.const 4)))))
              (local.get $vTile))
            (br_if $rows (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 1))) (i32.const 6))))
          (br_if $inGroups (i32.lt_u (local.tee $cg (i32.add (local.get $cg) (i32.const 1))) (local.get $cgroups))))
        ;; 2. Z[ξ][r][f] = (A dY Aᵀ)[ξ], four filters at a time
        (local.set $src (i32.load (i32.add (local.get $tdy) (local.get $tile))))
        (local.set $cg (i32.const 0)) ;; here: the group of four filters
        (loop $dyGroups
          ;; down each column q: T[k][q] = (A dY)[k][q], at t + k·64 + q·16
          (local.set $j (i32.const 0))
          (loop $dyCols
            (call $a6
              (i32.add (i32.add (local.get $src) (i32.mul (local.get $j) (local.get $dyPixel)))
                       (i32.shl (local.get $cg) (i32.const 4)))
              (local.get $dyRow)
              (i32.add (local.get $t) (i32.shl (local.get $j) (i32.const 4)))
              (i32.const 64))
            (br_if $dyCols (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 1))) (i32.const 4))))
          ;; along each row k: Z[6k + l][r] = (T[k] Aᵀ)[l]
          (local.set $j (i32.const 0))
          (loop $dyRows
            (call $a6
              (i32.add (local.get $t) (i32.shl (local.get $j) (i32.const 6)))
              (i32.const 16)
              (i32.add (local.get $z)
                (i32.add (i32.mul (i32.mul (local.get $j) (i32.const 6)) (local.get $zTile))
                  (i32.add (i32.mul (local.get $r) (local.get $fp4)) (i32.shl (local.get $cg) (i32.const 4)))))
              (local.get $zTile))
            (br_if $dyRows (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 1))) (i32.const 6))))
          (br_if $dyGroups (i32.lt_u (local.tee $cg (i32.add (local.get $cg) (i32.const 1)))
            (i32.shl (local.get $fgroups) (i32.const 1)))))
        (br_if $tiles (i32.lt_u (local.tee $r (i32.add (local.get $r) (i32.const 1))) (local.get $bt))))

      ;; 3. M[ξ][c][f] += Σ_r V[ξ][r][c] · Z[ξ][r][f], four channels by eight filters at a time
      (local.set $xi (i32.const 0))
      (loop $points
        (local.set $cg (i32.const 0))
        (loop $channelGroups
          (local.set $g (i32.const 0))
          (loop $filterGroups
            ;; M[ξ][4cg + 0…3][8g …], rows fp4 bytes apart
            (local.set $pm (i32.add (local.get $m)
              (i32.add (i32.mul (i32.add (i32.mul (local.get $xi) (i32.shl (local.get $cgroups) (i32.const 2)))
                                         (i32.shl (local.get $cg) (i32.const 2)))
                                (local.get $fp4))
                       (i32.shl (local.get $g) (i32.const 5)))))
            (local.set $a00 (v128.load offset=0 (local.get $pm)))
            (local.set $a01 (v128.load offset=16 (local.get $pm)))
            (local.set $k (i32.add (local.get $pm) (local.get $fp4)))
            (local.set $a10 (v128.load offset=0 (local.get $k)))
            (local.set $a11 (v128.load offset=16 (local.get $k)))
            (local.set $k (i32.add (local.get $k) (local.get $fp4)))
            (local.set $a20 (v128.load offset=0 (local.get $k)))
            (local.set $a21 (v128.load offset=16 (local.get $k)))
            (local.set $k (i32.add (local.get $k) (local.get $fp4)))
            (local.set $a30 (v128.load offset=0 (local.get $k)))
            (local.set $a31 (v128.load offset=16 (local.get $k)))
            (local.set $pv (i32.add (local.get $v)
              (i32.add (i32.mul (local.get $xi) (local.get $vTile)) (i32.shl (local.get $cg) (i32.const 4)))))
            (local.set $pz (i32.add (local.get $z)
              (i32.add (i32.mul (local.get $xi) (local.get $zTile)) (i32.shl (local.get $g) (i32.const 5)))))
            (local.set $j (local.get $bt))
            (loop $sum
              (local.set $z0 (v128.load offset=0 (local.get $pz)))
              (local.set $z1 (v128.load offset=16 (local.get $pz)))
              (local.set $s (v128.load32_splat offset=0 (local.get $pv)))
              (local.set $a00 (f32x4.add (local.get $a00) (f32x4.mul (local.get $s) (local.get $z0))))
              (local.set $a01 (f32x4.add (local.get $a01) (f32x4.mul (local.get $s) (local.get $z1))))
              (local.set $s (v128.load32_splat offset=4 (local.get $pv)))
              (local.set $a10 (f32x4.add (local.get $a10) (f32x4.mul (local.get $s) (local.get $z0))))
              (local.set $a11 (f32x4.add (local.get $a11) (f32x4.mul (local.get $s) (local.get $z1))))
              (local.set $s (v128.load32_splat offset=8 (local.get $pv)))
              (local.set $a20 (f32x4.add (local.get $a20) (f32x4.mul (local.get $s) (local.get $z0))))
              (local.set $a21 (f32x4.add (local.get $a21) (f32x4.mul (local.get $s) (local.get $z1))))
              (local.set $s (v128.load32_splat offset=12 (local.get $pv)))
              (local.set $a30 (f32x4.add (local.get $a30) (f32x4.mul (local.get $s) (local.get $z0))))
              (local.set $a31 (f32x4.add (local.get $a31) (f32x4.mul (local.get $s) (local.get $z1))))
              (local.set $pv (i32.add (local.get $pv) (local.get $cp4)))
              (local.set $pz (i32.add (local.get $pz) (local.get $fp4)))
              (br_if $sum (local.tee $j (i32.sub (local.get $j) (i32.const 1)))))
            (v128.store offset=0 (local.get $pm) (local.get $a00))
            (v128.store offset=16 (local.get $pm) (local.get $a01))
            (local.set $k (i32.add (local.get $pm) (local.get $fp4)))
            (v128.store offset=0 (local.get $k) (local.get $a10))
            (v128.store offset=16 (local.get $k) (local.get $a11))
            (local.set $k (i32.add (local.get $k) (local.get $fp4)))
            (v128.store offset=0 (local.get $k) (local.get $a20))
            (v128.store offset=16 (local.get $k) (local.get $a21))
            (local.set $k (i32.add (local.get $k) (local.get $fp4)))
            (v128.store offset=0 (local.get $k) (local.get $a30))
            (v128.store offset=16 (local.get $k) (local.get $a31))
            (br_if $filterGroups (i32.lt_u (local.tee $g (i32.add (local.get $g) (i32.const 1))) (local.get $fgroups))))
          (br_if $channelGroups (i32.lt_u (local.tee $cg (i32.add (local.get $cg) (i32.const 1))) (local.get $cgroups))))
        (br_if $points (i32.lt_u (local.tee $xi (i32.add (local.get $xi) (i32.const 1))) (i32.const 36))))

      (local.set $b (i32.add (local.get $b) (i32.const 1)))
      (br $blockLoop)))

    ;; 4. dW[3i + j] = (Gᵀ M G)[i][j] to $dw, [9][cp][fp]; four (c, f) at a time
    (local.set $plane (i32.mul (local.get $cp4) (i32.shl (local.get $fgroups) (i32.const 3))))
    (local.set $k (i32.const 0))
    (loop $gradPlanes
      ;; down each column l: T[i][l] = (Gᵀ M)[i][l], from M[6k + l], at t + i·96 + l·16
      (local.set $j (i32.const 0))
      (loop $mCols
        (call $gt3
          (i32.add (i32.add (local.get $m) (i32.mul (local.get $j) (local.get $plane))) (local.get $k))
          (i32.mul (local.get $plane) (i32.const 6))
          (i32.add (local.get $t) (i32.shl (local.get $j) (i32.const 4)))
          (i32.const 96))
        (br_if $mCols (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 1))) (i32.const 6))))
      ;; along each row i: dW[3i + j] = (T[i] G)[j]
      (local.set $j (i32.const 0))
      (loop $mRows
        (call $gt3
          (i32.add (local.get $t) (i32.mul (local.get $j) (i32.const 96)))
          (i32.const 16)
          (i32.add (i32.add (local.get $dw) (i32.mul (i32.mul (local.get $j) (i32.const 3)) (local.get $plane)))
                   (local.get $k))
          (local.get $plane))
        (br_if $mRows (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 1))) (i32.const 3))))
      (br_if $gradPlanes (i32.lt_u (local.tee $k (i32.add (local.get $k) (i32.const 16))) (local.get $plane)))))
)
