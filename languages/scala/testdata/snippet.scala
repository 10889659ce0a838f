package example

import scala.collection.mutable

sealed trait Shape
final case class Circle(r: Double) extends Shape
final case class Rect(w: Double, h: Double) extends Shape

object Geometry {
  def area(s: Shape): Double = s match {
    case Circle(r)  => math.Pi * r * r
    case Rect(w, h) => w * h
  }

  def largest(shapes: Seq[Shape]): Option[Shape] =
    if (shapes.isEmpty) None else Some(shapes.maxBy(area))

  def main(args: Array[String]): Unit = {
    val seen = mutable.Set.empty[String]
    val shapes = List(Circle(1.0), Rect(2.0, 3.5))
    for (s <- shapes if seen.add(s.toString)) {
      println(s"$s has area ${area(s)}")
    }
    largest(shapes).foreach(println)
  }
}
